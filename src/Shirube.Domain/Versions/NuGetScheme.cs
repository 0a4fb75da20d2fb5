using System.Diagnostics.CodeAnalysis;
using NuGet.Versioning;

namespace Shirube.Domain.Versions;

/// <summary>
/// NuGet: read and ordered by NuGet.Versioning (up to four numbers, SemVer 2.0 prerelease labels compared without
/// case, metadata ignored). NuGet's numbers are 32-bit; a version whose numbers are larger (OSV's fixtures hold
/// 30-digit ones) keeps NuGet's reading of its labels and orders its numbers by value.
/// </summary>
public sealed class NuGetScheme : VersionScheme
{
    private NuGetScheme()
    {
    }

    /// <summary>The one instance.</summary>
    public static NuGetScheme Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "NuGet";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (string.IsNullOrWhiteSpace(text))
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        if (NuGetVersion.TryParse(text.Trim(), out var parsed))
        {
            version = new Version(text, parsed, null);
            reason = null;
            return true;
        }
        // Numbers beyond 32 bits: NuGet reads the labels of the same version with zeros for numbers.
        var s = text.Trim();
        var labels = s.IndexOfAny(['-', '+']);
        var numbers = (labels < 0 ? s : s[..labels]).Split('.');
        if (numbers.Length is >= 1 and <= 4 && numbers.All(n => VersionNumber.AllDigits(n))
            && NuGetVersion.TryParse("0.0.0" + (labels < 0 ? "" : s[labels..]), out var labelsOnly))
        {
            version = new Version(text, labelsOnly, [.. numbers.Select(n => VersionNumber.Of(n)), .. Enumerable.Repeat(VersionNumber.Zero, 4 - numbers.Length)]);
            reason = null;
            return true;
        }
        return SchemeText.Refuse(this, text, "NuGet reads up to four dot-separated numbers, then an optional -prerelease and +metadata.", out version, out reason);
    }

    private sealed class Version(string text, NuGetVersion value, VersionNumber[]? bigNumbers) : SchemeVersion(text)
    {
        private NuGetVersion Value => value;

        private VersionNumber[] Numbers => bigNumbers ??
            [VersionNumber.Of(value.Major.ToString(System.Globalization.CultureInfo.InvariantCulture)), VersionNumber.Of(value.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             VersionNumber.Of(value.Patch.ToString(System.Globalization.CultureInfo.InvariantCulture)), VersionNumber.Of(value.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            if (bigNumbers is null && o.IsSmall)
                return Math.Sign(VersionComparer.Default.Compare(value, o.Value));
            var c = SchemeText.CompareSequences(Numbers, o.Numbers, VersionNumber.Zero);
            return c != 0 ? c : Math.Sign(VersionComparer.Default.Compare(Labels(value), Labels(o.Value)));
        }

        private bool IsSmall => bigNumbers is null;

        private static NuGetVersion Labels(NuGetVersion v) => new(0, 0, 0, 0, v.ReleaseLabels, v.Metadata);
    }
}
