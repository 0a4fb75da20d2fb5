using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// The semver.org 2.0 precedence of the package ecosystems that use it: npm (node-semver), crates.io, Go (module
/// versions, pseudo-versions included, "+incompatible" ignored), Hex (Elixir's Version), SwiftURL and Bitnami; and
/// Pub, whose pub_semver also orders by build metadata (1.0.0 &lt; 1.0.0+build). Read as OSV records write these
/// versions: a leading 'v', missing minor or patch, numbers of any size; numeric parts after the third are build
/// metadata (the OSV fixtures' rule).
/// </summary>
public sealed class SemverLikeScheme : VersionScheme
{
    private readonly bool _buildOrders;

    private SemverLikeScheme(string name, bool buildOrders)
    {
        Name = name;
        _buildOrders = buildOrders;
    }

    /// <summary>npm: node-semver's order.</summary>
    public static SemverLikeScheme Npm { get; } = new("npm", false);

    /// <summary>crates.io: Cargo's semver order.</summary>
    public static SemverLikeScheme CratesIo { get; } = new("crates.io", false);

    /// <summary>Go: module versions with their leading 'v'; pseudo-versions are prereleases and order as such.</summary>
    public static SemverLikeScheme Go { get; } = new("Go", false);

    /// <summary>Hex: Elixir's Version order.</summary>
    public static SemverLikeScheme Hex { get; } = new("Hex", false);

    /// <summary>SwiftURL: git tags that are semantic versions.</summary>
    public static SemverLikeScheme SwiftUrl { get; } = new("SwiftURL", false);

    /// <summary>Bitnami: semantic versions.</summary>
    public static SemverLikeScheme Bitnami { get; } = new("Bitnami", false);

    /// <summary>Pub: pub_semver, where build metadata orders too.</summary>
    public static SemverLikeScheme Pub { get; } = new("Pub", true);

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (text is null)
            return SchemeText.Refuse(this, text, "", out version, out reason);
        var s = text.AsSpan().Trim();
        if (s.Length > 0 && (s[0] == 'v' || s[0] == 'V'))
            s = s[1..];
        var release = new List<VersionNumber>(3);
        var extra = new List<Identifier>();
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (i == start)
                return SchemeText.Refuse(this, text, release.Count == 0 ? "it must start with a number (MAJOR[.MINOR[.PATCH]])." : "a '.' must be followed by a number.", out version, out reason);
            var number = s[start..i];
            if (release.Count < 3)
                release.Add(VersionNumber.Of(number));
            else
                extra.Add(new Identifier(number.ToString()));
            if (i < s.Length && s[i] == '.')
            {
                i++;
                continue;
            }
            break;
        }
        Identifier[] pre = [];
        if (i < s.Length && s[i] == '-')
        {
            if (!TryIdentifiers(s, ref i, out pre))
                return SchemeText.Refuse(this, text, "the prerelease after '-' must be dot-separated identifiers of letters, digits and '-'.", out version, out reason);
        }
        Identifier[] build = [];
        if (i < s.Length && s[i] == '+')
        {
            if (!TryIdentifiers(s, ref i, out build))
                return SchemeText.Refuse(this, text, "the build metadata after '+' must be dot-separated identifiers of letters, digits and '-'.", out version, out reason);
        }
        if (i < s.Length)
            return SchemeText.Refuse(this, text, $"unexpected '{s[i]}' at position {i + 1}.", out version, out reason);
        while (release.Count < 3)
            release.Add(VersionNumber.Zero);
        if (extra.Count > 0)
            build = [.. extra, .. build];
        version = new Version(text, release[0], release[1], release[2], pre, _buildOrders ? build : []);
        reason = null;
        return true;
    }

    // Reads the identifiers after the '-' or '+' at i; stops at '+' (only after a prerelease) or at the end.
    private static bool TryIdentifiers(ReadOnlySpan<char> s, ref int i, out Identifier[] identifiers)
    {
        var list = new List<Identifier>();
        var stopAtPlus = s[i] == '-';
        i++;
        var start = i;
        for (; ; i++)
        {
            var end = i == s.Length || s[i] == '.' || (stopAtPlus && s[i] == '+');
            if (end)
            {
                if (i == start)
                {
                    identifiers = [];
                    return false;
                }
                list.Add(new Identifier(s[start..i].ToString()));
                if (i == s.Length || s[i] == '+')
                    break;
                start = i + 1;
            }
            else if (!char.IsAsciiLetterOrDigit(s[i]) && s[i] != '-')
            {
                identifiers = [];
                return false;
            }
        }
        identifiers = [.. list];
        return true;
    }

    /// <summary>A prerelease or build identifier: numeric ones order by value and before alphanumeric ones, which order as ASCII.</summary>
    private readonly struct Identifier : IComparable<Identifier>
    {
        private readonly string _text;
        private readonly VersionNumber? _number;

        public Identifier(string text)
        {
            _text = text;
            _number = VersionNumber.AllDigits(text) ? VersionNumber.Of(text) : null;
        }

        public int CompareTo(Identifier other)
        {
            if (_number is { } a)
                return other._number is { } b ? a.CompareTo(b) : -1;
            return other._number is null ? Math.Sign(string.CompareOrdinal(_text, other._text)) : 1;
        }
    }

    private sealed class Version(string text, VersionNumber major, VersionNumber minor, VersionNumber patch, Identifier[] pre, Identifier[] build) : SchemeVersion(text)
    {
        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            var c = major.CompareTo(o.Major);
            if (c == 0)
                c = minor.CompareTo(o.Minor);
            if (c == 0)
                c = patch.CompareTo(o.Patch);
            if (c == 0)
                c = CompareLabels(pre, o.Pre, noneFirst: false);
            if (c == 0)
                c = CompareLabels(build, o.Build, noneFirst: true);
            return c;
        }

        private VersionNumber Major => major;

        private VersionNumber Minor => minor;

        private VersionNumber Patch => patch;

        private Identifier[] Pre => pre;

        private Identifier[] Build => build;

        // A version without prerelease comes after one with it; without build metadata, before one with it (pub).
        private static int CompareLabels(Identifier[] a, Identifier[] b, bool noneFirst)
        {
            if (a.Length == 0 || b.Length == 0)
            {
                var order = a.Length == 0 ? (b.Length == 0 ? 0 : 1) : -1;
                return noneFirst ? -order : order;
            }
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                var c = a[i].CompareTo(b[i]);
                if (c != 0)
                    return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
