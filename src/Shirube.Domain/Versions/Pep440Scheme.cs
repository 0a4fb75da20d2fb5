using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Shirube.Domain.Versions;

/// <summary>
/// PyPI: PEP 440 versions ([N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]) with the PEP's normalisation (case,
/// 'v' prefix, the spellings alpha/beta/c/pre/preview, rev/r and "-N" for post, separators '.', '-', '_', implicit
/// numbers). Strings PEP 440 cannot read are "legacy" versions, as pip's packaging library long read them: they
/// order before every PEP 440 version, among themselves by their parts.
/// </summary>
public sealed partial class Pep440Scheme : VersionScheme
{
    // Rank of the prerelease part: a development release of the final version sorts before its prereleases.
    private const int DevOnly = 0;
    private const int NoPre = 4;
    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    private Pep440Scheme()
    {
    }

    /// <summary>The one instance.</summary>
    public static Pep440Scheme Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "PyPI";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (string.IsNullOrWhiteSpace(text))
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        if (TryPlainRelease(text, out version))
        {
            reason = null;
            return true;
        }
        var match = Pattern().Match(text);
        if (match.Success)
        {
            version = FromMatch(text, match);
            reason = null;
            return true;
        }
        var trimmed = text.Trim();
        if (trimmed.Any(c => char.IsWhiteSpace(c) || c > '~' || c < '!'))
            return SchemeText.Refuse(this, text, "it is neither a PEP 440 version nor a legacy version (it holds spaces or characters outside printable ASCII).", out version, out reason);
        version = new Version(text, LegacyParts(trimmed.ToLowerInvariant()));
        reason = null;
        return true;
    }

    // Most versions are only dotted numbers ("2.31.0"): read them without the regular expression.
    private static bool TryPlainRelease(string text, [NotNullWhen(true)] out SchemeVersion? version)
    {
        version = null;
        var s = text.AsSpan();
        if (s.IsEmpty || s.ContainsAnyExcept(DigitsAndDots) || s[0] == '.' || s[^1] == '.' || s.Contains("..", StringComparison.Ordinal))
            return false;
        var release = new List<VersionNumber>(4);
        foreach (var range in s.Split('.'))
            release.Add(VersionNumber.Of(s[range]));
        while (release.Count > 1 && release[^1].IsZero)
            release.RemoveAt(release.Count - 1);
        version = new Version(text, VersionNumber.Zero, [.. release], NoPre, VersionNumber.Zero, false, VersionNumber.Zero, false, VersionNumber.Zero, null);
        return true;
    }

    private static Version FromMatch(string text, Match m)
    {
        var epoch = m.Groups["epoch"].Success ? VersionNumber.Of(m.Groups["epoch"].ValueSpan) : VersionNumber.Zero;
        var parts = m.Groups["release"].Value.Split('.');
        var count = parts.Length;
        while (count > 1 && VersionNumber.Of(parts[count - 1]).IsZero)
            count--;
        var release = parts.Take(count).Select(p => VersionNumber.Of(p)).ToArray();

        var hasPost = m.Groups["post_n1"].Success || m.Groups["post_l"].Success;
        var post = m.Groups["post_n1"].Success ? VersionNumber.Of(m.Groups["post_n1"].ValueSpan) : Number(m.Groups["post_n2"]);
        var hasDev = m.Groups["dev"].Success;
        var dev = Number(m.Groups["dev_n"]);
        int preRank;
        var preNumber = VersionNumber.Zero;
        if (m.Groups["pre_l"].Success)
        {
            preRank = m.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => 1,
                "b" or "beta" => 2,
                _ => 3, // rc, c, pre, preview
            };
            preNumber = Number(m.Groups["pre_n"]);
        }
        else
        {
            preRank = !hasPost && hasDev ? DevOnly : NoPre;
        }
        Local[]? local = null;
        if (m.Groups["local"].Success)
        {
            local = m.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_').Select(s => new Local(s)).ToArray();
        }
        return new Version(text, epoch, release, preRank, preNumber, hasPost, post, hasDev, dev, local);
    }

    private static VersionNumber Number(Group group) => group.Success ? VersionNumber.Of(group.ValueSpan) : VersionNumber.Zero;

    // The legacy key: runs of digits (zero-padded so that they order by value), runs of letters and other
    // characters; "pre", "preview" and "rc" read as "c", "dev" as "@" and "-" as "final-"; trailing zeros and
    // "final-" markers before a prerelease-like part are dropped, and "*final" ends the key.
    private static string[] LegacyParts(string text)
    {
        var parts = new List<string>();
        foreach (var raw in LegacyTokens(text))
        {
            var token = raw switch
            {
                "pre" or "preview" or "rc" => "c",
                "-" => "final-",
                "dev" => "@",
                _ => raw,
            };
            if (token.Length == 0 || token == ".")
                continue;
            var part = char.IsAsciiDigit(token[0]) ? token.PadLeft(8, '0') : "*" + token;
            if (part[0] == '*')
            {
                if (string.CompareOrdinal(part, "*final") < 0)
                {
                    while (parts.Count > 0 && parts[^1] == "*final-")
                        parts.RemoveAt(parts.Count - 1);
                }
                while (parts.Count > 0 && parts[^1] == "00000000")
                    parts.RemoveAt(parts.Count - 1);
            }
            parts.Add(part);
        }
        parts.Add("*final");
        return [.. parts];
    }

    private static IEnumerable<string> LegacyTokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c))
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            else if (char.IsAsciiLetterLower(c))
                while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            else if (c is '.' or '-')
                i++;
            else
                while (i < text.Length && !char.IsAsciiDigit(text[i]) && !char.IsAsciiLetterLower(text[i]) && text[i] is not ('.' or '-')) i++;
            yield return text[start..i];
        }
    }

    // PEP 440's grammar with its permitted spellings (appendix B of the PEP), case-insensitive.
    [GeneratedRegex("""
        ^\s*v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?<pre>[-_.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?
        (?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?
        (?<dev>[-_.]?dev[-_.]?(?<dev_n>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \s*$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>A segment of a local version label: alphanumeric ones sort before numeric ones, numbers by value.</summary>
    private readonly struct Local(string text) : IComparable<Local>
    {
        private readonly VersionNumber? _number = VersionNumber.AllDigits(text) ? VersionNumber.Of(text) : null;

        public int CompareTo(Local other)
        {
            if (_number is { } a)
                return other._number is { } b ? a.CompareTo(b) : 1;
            return other._number is null ? Math.Sign(string.CompareOrdinal(text, other.Text)) : -1;
        }

        private string Text => text;
    }

    private sealed class Version : SchemeVersion
    {
        private readonly string[]? _legacy;
        private readonly VersionNumber _epoch;
        private readonly VersionNumber[] _release = [];
        private readonly int _preRank;
        private readonly VersionNumber _pre;
        private readonly bool _hasPost;
        private readonly VersionNumber _post;
        private readonly bool _hasDev;
        private readonly VersionNumber _dev;
        private readonly Local[]? _local;

        public Version(string text, string[] legacy) : base(text) => _legacy = legacy;

        public Version(string text, VersionNumber epoch, VersionNumber[] release, int preRank, VersionNumber pre, bool hasPost, VersionNumber post, bool hasDev, VersionNumber dev, Local[]? local)
            : base(text)
        {
            _epoch = epoch;
            _release = release;
            _preRank = preRank;
            _pre = pre;
            _hasPost = hasPost;
            _post = post;
            _hasDev = hasDev;
            _dev = dev;
            _local = local;
        }

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            if (_legacy is not null || o._legacy is not null)
            {
                if (_legacy is null)
                    return 1;
                if (o._legacy is null)
                    return -1;
                return CompareLegacy(_legacy, o._legacy);
            }
            var c = _epoch.CompareTo(o._epoch);
            if (c != 0)
                return c;
            c = SchemeText.CompareSequences(_release, o._release, VersionNumber.Zero);
            if (c != 0)
                return c;
            c = _preRank.CompareTo(o._preRank);
            if (c != 0)
                return c;
            if (_preRank is not (DevOnly or NoPre) && (c = _pre.CompareTo(o._pre)) != 0)
                return c;
            // No post release sorts first; no development release sorts last.
            c = _hasPost.CompareTo(o._hasPost);
            if (c != 0 || (_hasPost && (c = _post.CompareTo(o._post)) != 0))
                return c;
            c = o._hasDev.CompareTo(_hasDev);
            if (c != 0 || (_hasDev && (c = _dev.CompareTo(o._dev)) != 0))
                return c;
            if (_local is null || o._local is null)
                return (_local is null ? 0 : 1) - (o._local is null ? 0 : 1);
            var n = Math.Min(_local.Length, o._local.Length);
            for (var i = 0; i < n; i++)
            {
                c = _local[i].CompareTo(o._local[i]);
                if (c != 0)
                    return c;
            }
            return _local.Length.CompareTo(o._local.Length);
        }

        private static int CompareLegacy(string[] a, string[] b)
        {
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                var c = string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                    return Math.Sign(c);
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
