using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// Alpine, Wolfi and Chainguard: apk-tools' order of number{.number}…{letter}{_suffix{number}}…{~hash}{-r#}
/// (apk-package(5)). Numbers compare in turn by value, except that a later number starting with '0' compares as a
/// decimal fraction (1.02 &lt; 1.1) and a further number makes the version greater; then the letter (none first); then
/// the suffixes, in the order _alpha &lt; _beta &lt; _pre &lt; _rc &lt; none &lt; _cvs &lt; _svn &lt; _git &lt; _hg &lt; _p, each with
/// its number; the commit hash is ignored; then the -r revision. Text the grammar does not read (apk's fixtures
/// hold "1-ruff" and "1.2_blah") makes a version older than the same one without it; two versions that both
/// break the grammar before their revision compare as text, as apk does for invalid versions.
/// </summary>
public sealed class ApkScheme : VersionScheme
{
    private const int NoSuffix = 4;
    private static readonly (string Word, int Rank)[] Suffixes =
        [("alpha", 0), ("beta", 1), ("pre", 2), ("rc", 3), ("cvs", 5), ("svn", 6), ("git", 7), ("hg", 8), ("p", 9)];

    private ApkScheme(string name)
    {
        Name = name;
    }

    /// <summary>Alpine.</summary>
    public static ApkScheme Alpine { get; } = new("Alpine");

    /// <summary>Wolfi.</summary>
    public static ApkScheme Wolfi { get; } = new("Wolfi");

    /// <summary>Chainguard.</summary>
    public static ApkScheme Chainguard { get; } = new("Chainguard");

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
        var i = 0;
        var numbers = new List<string>();
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            numbers.Add(s[start..i]);
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
                i++;
            else
                break;
        }
        // A version without numbers ("a", apk reads it) has the number 0.
        if (numbers.Count == 0)
            numbers.Add("0");
        var letter = '\0';
        if (i < s.Length && char.IsAsciiLetterLower(s[i]))
            letter = s[i++];
        var suffixes = new List<(int Rank, VersionNumber Number)>();
        while (i < s.Length && s[i] == '_' && TrySuffix(s, i + 1, out var rank, out var end))
        {
            var digits = end;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
                end++;
            suffixes.Add((rank, end > digits ? VersionNumber.Of(s.AsSpan(digits, end - digits)) : VersionNumber.Zero));
            i = end;
        }
        if (i + 1 < s.Length && s[i] == '~' && IsHex(s[i + 1]))
        {
            i++;
            while (i < s.Length && IsHex(s[i]))
                i++;
        }
        var revision = VersionNumber.Zero;
        var malformed = false;
        if (i < s.Length)
        {
            if (s.AsSpan(i).StartsWith("-r", StringComparison.Ordinal))
            {
                var start = i += 2;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
                revision = i > start ? VersionNumber.Of(s.AsSpan(start, i - start)) : VersionNumber.Zero;
            }
            else
            {
                malformed = true;
            }
        }
        version = new Version(text!, s, [.. numbers], letter, [.. suffixes], revision, hasTail: i < s.Length, malformed);
        reason = null;
        return true;
    }

    private static bool TrySuffix(string s, int at, out int rank, out int end)
    {
        foreach (var (word, r) in Suffixes)
        {
            if (s.AsSpan(at).StartsWith(word, StringComparison.Ordinal))
            {
                rank = r;
                end = at + word.Length;
                return true;
            }
        }
        rank = 0;
        end = at;
        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    private static int CompareNumbers(string[] a, string[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = i > 0 && (a[i][0] == '0' || b[i][0] == '0')
                ? Math.Sign(string.CompareOrdinal(a[i], b[i]))
                : VersionNumber.CompareDigits(a[i], b[i]);
            if (c != 0)
                return c;
        }
        // A further number makes the version greater.
        return a.Length.CompareTo(b.Length);
    }

    private sealed class Version(string text, string trimmed, string[] numbers, char letter, (int Rank, VersionNumber Number)[] suffixes, VersionNumber revision, bool hasTail, bool malformed)
        : SchemeVersion(text)
    {
        private string Trimmed => trimmed;

        private string[] Numbers => numbers;

        private char Letter => letter;

        private (int Rank, VersionNumber Number)[] Suffixes => suffixes;

        private VersionNumber Revision => revision;

        private bool HasTail => hasTail;

        private bool Malformed => malformed;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other);
            if (malformed && o.Malformed)
                return Math.Sign(string.CompareOrdinal(trimmed, o.Trimmed));
            var c = CompareNumbers(numbers, o.Numbers);
            if (c != 0)
                return c;
            c = letter.CompareTo(o.Letter);
            if (c != 0)
                return Math.Sign(c);
            var n = Math.Max(suffixes.Length, o.Suffixes.Length);
            for (var i = 0; i < n; i++)
            {
                var (ra, na) = i < suffixes.Length ? suffixes[i] : (NoSuffix, VersionNumber.Zero);
                var (rb, nb) = i < o.Suffixes.Length ? o.Suffixes[i] : (NoSuffix, VersionNumber.Zero);
                c = ra != rb ? ra.CompareTo(rb) : na.CompareTo(nb);
                if (c != 0)
                    return c;
            }
            c = revision.CompareTo(o.Revision);
            if (c != 0)
                return c;
            return o.HasTail.CompareTo(hasTail);
        }
    }
}
