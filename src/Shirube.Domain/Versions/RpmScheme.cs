using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// The RPM family (Red Hat, Rocky Linux, AlmaLinux, SUSE, openSUSE, Photon OS, Mageia, openEuler): rpm's order of
/// [epoch:]version[-release]. The epoch (digits before the first ':'; none is 0) orders by value; version, then
/// release, by rpmvercmp: runs of ASCII letters or digits compared in turn (digits by value, letters as text, a
/// number after letters), any other character only separates, '~' sorts before everything (even the end) and '^'
/// after the end but before anything else. A version with a release orders after the same version without one.
/// </summary>
public sealed class RpmScheme : VersionScheme
{
    private RpmScheme(string name)
    {
        Name = name;
    }

    /// <summary>Red Hat.</summary>
    public static RpmScheme RedHat { get; } = new("Red Hat");

    /// <summary>Rocky Linux.</summary>
    public static RpmScheme RockyLinux { get; } = new("Rocky Linux");

    /// <summary>AlmaLinux.</summary>
    public static RpmScheme AlmaLinux { get; } = new("AlmaLinux");

    /// <summary>SUSE.</summary>
    public static RpmScheme Suse { get; } = new("SUSE");

    /// <summary>openSUSE.</summary>
    public static RpmScheme OpenSuse { get; } = new("openSUSE");

    /// <summary>Photon OS.</summary>
    public static RpmScheme PhotonOs { get; } = new("Photon OS");

    /// <summary>Mageia.</summary>
    public static RpmScheme Mageia { get; } = new("Mageia");

    /// <summary>openEuler.</summary>
    public static RpmScheme OpenEuler { get; } = new("openEuler");

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
        // Only digits before the colon make an epoch; other colons belong to the version (module streams).
        if (colon > 0 && VersionNumber.AllDigits(s.AsSpan(0, colon)))
        {
            epoch = VersionNumber.Of(s.AsSpan(0, colon));
            s = s[(colon + 1)..];
        }
        var hyphen = s.LastIndexOf('-');
        version = new Version(text!, epoch, hyphen < 0 ? s : s[..hyphen], hyphen < 0 ? null : s[(hyphen + 1)..]);
        reason = null;
        return true;
    }

    /// <summary>rpmvercmp: the order of two versions or two releases.</summary>
    internal static int VerCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
            return 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiLetterOrDigit(a[i]) && a[i] is not ('~' or '^'))
                i++;
            while (j < b.Length && !char.IsAsciiLetterOrDigit(b[j]) && b[j] is not ('~' or '^'))
                j++;
            var ca = i < a.Length ? a[i] : '\0';
            var cb = j < b.Length ? b[j] : '\0';
            if (ca == '~' || cb == '~')
            {
                if (ca != '~')
                    return 1;
                if (cb != '~')
                    return -1;
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^')
            {
                if (i == a.Length)
                    return -1;
                if (j == b.Length)
                    return 1;
                if (ca != '^')
                    return 1;
                if (cb != '^')
                    return -1;
                i++;
                j++;
                continue;
            }
            if (i == a.Length || j == b.Length)
                break;
            var digits = char.IsAsciiDigit(ca);
            var sa = i;
            while (i < a.Length && (digits ? char.IsAsciiDigit(a[i]) : char.IsAsciiLetter(a[i])))
                i++;
            var sb = j;
            while (j < b.Length && (digits ? char.IsAsciiDigit(b[j]) : char.IsAsciiLetter(b[j])))
                j++;
            if (sb == j)
                return digits ? 1 : -1; // a number is newer than letters
            var c = digits ? VersionNumber.CompareDigits(a[sa..i], b[sb..j]) : Math.Sign(a[sa..i].SequenceCompareTo(b[sb..j]));
            if (c != 0)
                return c;
        }
        if (i >= a.Length && j >= b.Length)
            return 0;
        return i < a.Length ? 1 : -1;
    }

    private sealed class Version(string text, VersionNumber epoch, string version, string? release) : SchemeVersion(text)
    {
        private VersionNumber Epoch => epoch;

        private string Ver => version;

        private string? Release => release;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            var c = epoch.CompareTo(o.Epoch);
            if (c == 0)
                c = VerCmp(version, o.Ver);
            if (c == 0)
            {
                if (release is null || o.Release is null)
                    c = (release is null ? 0 : 1) - (o.Release is null ? 0 : 1);
                else
                    c = VerCmp(release, o.Release);
            }
            return c;
        }
    }
}
