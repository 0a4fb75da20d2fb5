using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// Maven: the version order of Maven's POM reference ("Version Order Specification", which ComparableVersion
/// implements). The version splits into tokens at '.', at '-' and at each change between digits and letters (which
/// counts as '-'); each token keeps its separator. Empty tokens read as 0; case does not matter; "cr" is "rc",
/// "ga", "final" and "release" are ""; a, b and m followed by a digit are alpha, beta and milestone. Trailing null
/// tokens (0 and "") are trimmed from the end and before each remaining '-'. Tokens compare in turn, the shorter
/// version padded with nulls (0 after '.', "" after '-'): with the same separator numbers order by value,
/// qualifiers as alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt; "" &lt; sp &lt; others alphabetically, and a
/// qualifier before a number; with different separators .qualifier &lt; -qualifier &lt; -number &lt; .number.
/// </summary>
public sealed class MavenScheme : VersionScheme
{
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private const int ReleaseRank = 5;
    private const int UnknownRank = 7;

    private MavenScheme()
    {
    }

    /// <summary>The one instance.</summary>
    public static MavenScheme Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Maven";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (string.IsNullOrWhiteSpace(text))
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        var s = text.Trim();
        if (s.Any(char.IsWhiteSpace))
            return SchemeText.Refuse(this, text, "it holds a space.", out version, out reason);
        version = new Version(text, Tokens(s.ToLowerInvariant()));
        reason = null;
        return true;
    }

    private static Token[] Tokens(string s)
    {
        var tokens = new List<Token>();
        var separator = '.';
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] is not ('.' or '-'))
            {
                // A change between digits and other characters ends a token as a '-' would.
                if (i == start || char.IsAsciiDigit(s[i]) == char.IsAsciiDigit(s[i - 1]))
                    continue;
                tokens.Add(Token.Of(separator, s[start..i], followedByDigit: char.IsAsciiDigit(s[i])));
                separator = '-';
                start = i;
                continue;
            }
            tokens.Add(Token.Of(separator, s[start..i], followedByDigit: false));
            if (i < s.Length)
                separator = s[i];
            start = i + 1;
        }
        // Trim the null tokens at the end, and before each remaining '-', from the end to the start.
        var at = tokens.Count - 1;
        while (at > 0)
        {
            if (tokens[at].IsNull)
            {
                tokens.RemoveAt(at);
                at--;
                continue;
            }
            while (at >= 0 && tokens[at].Separator != '-')
                at--;
            at--;
        }
        return [.. tokens];
    }

    private readonly record struct Token(char Separator, bool IsNumber, VersionNumber Number, int Rank, string Qualifier)
    {
        public bool IsNull => IsNumber ? Number.IsZero : Rank == ReleaseRank;

        public static Token Of(char separator, string text, bool followedByDigit)
        {
            if (text.Length == 0)
                return new Token(separator, true, VersionNumber.Zero, 0, "");
            if (char.IsAsciiDigit(text[0]))
                return new Token(separator, true, VersionNumber.Of(text), 0, "");
            if (followedByDigit)
                text = text switch { "a" => "alpha", "b" => "beta", "m" => "milestone", _ => text };
            text = text switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => text };
            var rank = Array.IndexOf(Qualifiers, text);
            return rank < 0 ? new Token(separator, false, VersionNumber.Zero, UnknownRank, text) : new Token(separator, false, VersionNumber.Zero, rank, "");
        }

        // The null that pads the shorter version where the other has this token: 0 after '.', "" after '-'.
        public Token Padding() => Separator == '.' && IsNumber
            ? new Token('.', true, VersionNumber.Zero, 0, "")
            : new Token(Separator, Separator == '.', VersionNumber.Zero, ReleaseRank, "");

        private int SeparatorOrder => (Separator, IsNumber) switch
        {
            ('.', false) => 0,
            ('-', false) => 1,
            ('-', true) => 2,
            _ => 3,
        };

        public int CompareTo(Token other, bool thisPadded, bool otherPadded)
        {
            if (Separator != other.Separator)
                return SeparatorOrder.CompareTo(other.SeparatorOrder);
            // A padding null after '.' is 0 against a number and "" against a qualifier.
            var thisNumber = IsNumber && !(thisPadded && !other.IsNumber);
            var otherNumber = other.IsNumber && !(otherPadded && !IsNumber);
            if (thisNumber && otherNumber)
                return Number.CompareTo(other.Number);
            if (thisNumber != otherNumber)
                return thisNumber ? 1 : -1;
            var thisRank = thisPadded ? ReleaseRank : Rank;
            var otherRank = otherPadded ? ReleaseRank : other.Rank;
            return thisRank != otherRank ? thisRank.CompareTo(otherRank) : Math.Sign(string.CompareOrdinal(Qualifier, other.Qualifier));
        }
    }

    private sealed class Version(string text, Token[] tokens) : SchemeVersion(text)
    {
        private Token[] Tokens => tokens;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other).Tokens;
            var n = Math.Max(tokens.Length, o.Length);
            for (var i = 0; i < n; i++)
            {
                var left = i < tokens.Length ? tokens[i] : o[i].Padding();
                var right = i < o.Length ? o[i] : tokens[i].Padding();
                var c = left.CompareTo(right, i >= tokens.Length, i >= o.Length);
                if (c != 0)
                    return Math.Sign(c);
            }
            return 0;
        }
    }
}
