using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// RubyGems: the order of Gem::Version. The version splits into segments, runs of digits (numbers) and runs of
/// letters (strings); '-' reads as ".pre.". The numbers before the first string are the release, the rest the
/// prerelease; trailing zeros of each are dropped. Segments compare in turn, a missing one as 0: numbers by value,
/// strings as text, and a string before a number (so 1.0.b1 &lt; 1.0 and 1.0.a9 &lt; 1.0.a10).
/// </summary>
public sealed class RubyGemsScheme : VersionScheme
{
    private RubyGemsScheme()
    {
    }

    /// <summary>The one instance.</summary>
    public static RubyGemsScheme Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "RubyGems";

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
            return SchemeText.Refuse(this, text, "it is empty.", out version, out reason);
        if (!char.IsAsciiDigit(s[0]))
            return SchemeText.Refuse(this, text, "it must start with a number.", out version, out reason);
        var segments = new List<Segment>();
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            if (char.IsAsciiDigit(s[i]))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
                segments.Add(new Segment(VersionNumber.Of(s.AsSpan(start, i - start)), null));
            }
            else if (char.IsAsciiLetter(s[i]))
            {
                while (i < s.Length && char.IsAsciiLetter(s[i]))
                    i++;
                segments.Add(new Segment(VersionNumber.Zero, s[start..i]));
            }
            else if (s[i] == '.')
            {
                i++;
            }
            else if (s[i] == '-')
            {
                segments.Add(new Segment(VersionNumber.Zero, "pre"));
                i++;
            }
            else
            {
                return SchemeText.Refuse(this, text, $"'{s[i]}' at position {i + 1}: Gem::Version reads digits, letters, '.' and '-'.", out version, out reason);
            }
        }
        version = new Version(text!, Canonical(segments));
        reason = null;
        return true;
    }

    // Drops the trailing zeros of the release (the numbers before the first string) and of the prerelease.
    private static Segment[] Canonical(List<Segment> segments)
    {
        var firstString = segments.FindIndex(s => s.Text is not null);
        var release = firstString < 0 ? segments : segments[..firstString];
        var pre = firstString < 0 ? [] : segments[firstString..];
        return [.. DropTrailingZeros(release), .. DropTrailingZeros(pre)];
    }

    private static IEnumerable<Segment> DropTrailingZeros(List<Segment> part)
    {
        var n = part.Count;
        while (n > 0 && part[n - 1].Text is null && part[n - 1].Number.IsZero)
            n--;
        return part.Take(n);
    }

    private readonly record struct Segment(VersionNumber Number, string? Text) : IComparable<Segment>
    {
        public int CompareTo(Segment other)
        {
            if (Text is null)
                return other.Text is null ? Number.CompareTo(other.Number) : 1;
            return other.Text is null ? -1 : Math.Sign(string.CompareOrdinal(Text, other.Text));
        }
    }

    private sealed class Version(string text, Segment[] segments) : SchemeVersion(text)
    {
        private Segment[] Segments => segments;

        public override int CompareTo(SchemeVersion? other) =>
            SchemeText.CompareSequences(segments, SchemeText.Same<Version>(other).Segments, new Segment(VersionNumber.Zero, null));
    }
}
