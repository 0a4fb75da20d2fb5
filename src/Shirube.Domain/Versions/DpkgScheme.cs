using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// Debian and Ubuntu: dpkg's order of [epoch:]upstream[-revision] (Debian Policy 5.6.12). The epoch orders by value
/// (none is 0); upstream version and revision (none is "") each order as alternating runs of non-digits and digits:
/// non-digits character by character, with '~' before everything (even the end), then the end, then letters, then
/// the other characters; digits by value.
/// </summary>
public sealed class DpkgScheme : VersionScheme
{
    private DpkgScheme(string name)
    {
        Name = name;
    }

    /// <summary>Debian.</summary>
    public static DpkgScheme Debian { get; } = new("Debian");

    /// <summary>Ubuntu.</summary>
    public static DpkgScheme Ubuntu { get; } = new("Ubuntu");

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        if (s.Any(char.IsWhiteSpace))
            return SchemeText.Refuse(this, text, "it holds a space.", out version, out reason);
        var epoch = VersionNumber.Zero;
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!VersionNumber.AllDigits(s.AsSpan(0, colon)))
                return SchemeText.Refuse(this, text, "the epoch before ':' must be a number.", out version, out reason);
            epoch = VersionNumber.Of(s.AsSpan(0, colon));
            s = s[(colon + 1)..];
        }
        var hyphen = s.LastIndexOf('-');
        var upstream = hyphen < 0 ? s : s[..hyphen];
        var revision = hyphen < 0 ? "" : s[(hyphen + 1)..];
        if (upstream.Length == 0)
            return SchemeText.Refuse(this, text, "the upstream version is empty.", out version, out reason);
        if (hyphen >= 0 && revision.Length == 0)
            return SchemeText.Refuse(this, text, "the revision after the last '-' is empty.", out version, out reason);
        version = new Version(text!, epoch, upstream, revision);
        reason = null;
        return true;
    }

    /// <summary>dpkg's comparison of two upstream versions or two revisions.</summary>
    internal static int CompareParts(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var wa = i < a.Length && !char.IsAsciiDigit(a[i]) ? Weight(a[i]) : 0;
                var wb = j < b.Length && !char.IsAsciiDigit(b[j]) ? Weight(b[j]) : 0;
                if (wa != wb)
                    return wa < wb ? -1 : 1;
                i++;
                j++;
            }
            var sa = i;
            while (i < a.Length && char.IsAsciiDigit(a[i]))
                i++;
            var sb = j;
            while (j < b.Length && char.IsAsciiDigit(b[j]))
                j++;
            var c = VersionNumber.CompareDigits(a[sa..i], b[sb..j]);
            if (c != 0)
                return c;
        }
        return 0;
    }

    // '~' sorts before the end of the string, letters after it, everything else after the letters.
    private static int Weight(char c) => c == '~' ? -1 : char.IsAsciiLetter(c) ? c : c + 256;

    private sealed class Version(string text, VersionNumber epoch, string upstream, string revision) : SchemeVersion(text)
    {
        private VersionNumber Epoch => epoch;

        private string Upstream => upstream;

        private string Revision => revision;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            var c = epoch.CompareTo(o.Epoch);
            if (c == 0)
                c = CompareParts(upstream, o.Upstream);
            if (c == 0)
                c = CompareParts(revision, o.Revision);
            return c;
        }
    }
}
