using System.Diagnostics.CodeAnalysis;
using Semver;

namespace Shirube.Domain.Versions;

/// <summary>
/// SEMVER as OSV defines the range type: semver.org 2.0 precedence (build metadata ignored), read by the Semver
/// library. OSV allows a leading 'v' and missing minor or patch ("1.2" is 1.2.0), which the library's loose style reads.
/// </summary>
public sealed class SemverScheme : VersionScheme
{
    private const SemVersionStyles Styles = SemVersionStyles.AllowV | SemVersionStyles.OptionalMinorPatch | SemVersionStyles.AllowLeadingZeros;

    /// <summary>The one instance.</summary>
    public static SemverScheme Instance { get; } = new();

    private SemverScheme()
    {
    }

    /// <inheritdoc />
    public override string Name => "SEMVER";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (text is not null && SemVersion.TryParse(text.Trim(), Styles, out var parsed))
        {
            version = new Version(text, parsed);
            reason = null;
            return true;
        }
        version = null;
        reason = $"'{text}' is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]).";
        return false;
    }

    private sealed class Version(string text, SemVersion value) : SchemeVersion(text)
    {
        public override int CompareTo(SchemeVersion? other) =>
            other is Version v ? SemVersion.ComparePrecedence(value, v.Value) : throw new ArgumentException("Versions of different schemes do not compare.", nameof(other));

        public SemVersion Value => value;
    }
}
