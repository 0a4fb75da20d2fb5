using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// Packagist: PHP's version_compare after Composer's normalisation (leading 'v' dropped, case ignored). The version
/// splits into parts at '.', '-', '_', '+' and at each change between digits and other characters. Numbers order by
/// value; words by their stability: any other word &lt; dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; # &lt; pl = p (a word
/// is known by its start, as PHP does); a number ranks as '#'. When one version runs out, a number left on the other
/// makes it greater, and a word left orders against '#' (1.0 &gt; 1.0rc1, 1.0 &lt; 1.0pl1).
/// </summary>
public sealed class PackagistScheme : VersionScheme
{
    private const int Unknown = -1;
    private const int NumberRank = 4;
    private static readonly (string Word, int Rank)[] Forms =
        [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("rc", 3), ("#", NumberRank), ("pl", 5), ("p", 5)];

    private PackagistScheme()
    {
    }

    /// <summary>The one instance.</summary>
    public static PackagistScheme Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Packagist";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        var s = text?.Trim() ?? "";
        if (s.Length > 0 && (s[0] == 'v' || s[0] == 'V'))
            s = s[1..];
        if (s.Length == 0)
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        if (s.Any(char.IsWhiteSpace))
            return SchemeText.Refuse(this, text, "it holds a space.", out version, out reason);
        s = s.ToLowerInvariant();
        var parts = new List<Part>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] is '.' or '-' or '_' or '+')
            {
                i++;
                continue;
            }
            var start = i;
            var digits = char.IsAsciiDigit(s[i]);
            while (i < s.Length && s[i] is not ('.' or '-' or '_' or '+') && char.IsAsciiDigit(s[i]) == digits)
                i++;
            parts.Add(digits ? new Part(true, VersionNumber.Of(s.AsSpan(start, i - start)), NumberRank) : new Part(false, VersionNumber.Zero, Rank(s.AsSpan(start, i - start))));
        }
        version = new Version(text!, [.. parts]);
        reason = null;
        return true;
    }

    private static int Rank(ReadOnlySpan<char> word)
    {
        foreach (var (form, rank) in Forms)
        {
            if (word.StartsWith(form, StringComparison.Ordinal))
                return rank;
        }
        return Unknown;
    }

    private readonly record struct Part(bool IsNumber, VersionNumber Number, int Rank)
    {
        public int CompareTo(Part other) =>
            IsNumber && other.IsNumber ? Number.CompareTo(other.Number) : Rank.CompareTo(other.Rank);
    }

    private sealed class Version(string text, Part[] parts) : SchemeVersion(text)
    {
        private Part[] Parts => parts;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other).Parts;
            var n = Math.Min(parts.Length, o.Length);
            for (var i = 0; i < n; i++)
            {
                var c = parts[i].CompareTo(o[i]);
                if (c != 0)
                    return Math.Sign(c);
            }
            return parts.Length >= o.Length ? Rest(parts, n) : -Rest(o, n);
        }

        // What the parts left over on the longer version weigh against nothing.
        private static int Rest(Part[] parts, int from)
        {
            for (var i = from; i < parts.Length; i++)
            {
                if (parts[i].IsNumber)
                    return 1;
                if (parts[i].Rank != NumberRank)
                    return Math.Sign(parts[i].Rank - NumberRank);
            }
            return 0;
        }
    }
}
