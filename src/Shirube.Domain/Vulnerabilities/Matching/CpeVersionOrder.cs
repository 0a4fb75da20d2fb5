namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>
/// The order Shirube gives CPE versions when it compares a component's CPE version with the bounds of an NVD or JVN
/// match (versionStartIncluding…). CPE versions follow no one scheme, so the order is a generic one, chosen to agree
/// with how vendors number releases:
/// <list type="number">
/// <item>The version is cut into pieces at '.', '-', '_', '+', ':' and wherever digits meet letters
/// (<c>1.0.2k</c> → 1, 0, 2, k; <c>5.4r2</c> → 5, 4, r, 2).</item>
/// <item>Pieces are compared left to right: two numbers by value (leading zeros ignored, any length), two words by
/// their lowercase letters, and a number comes after a word (<c>1.0.1</c> &gt; <c>1.0.rc1</c>).</item>
/// <item>When one version runs out of pieces, it comes first (<c>1.0.2</c> &lt; <c>1.0.2k</c>, <c>1.0</c> &lt;
/// <c>1.0.1</c>), unless the other continues with a pre-release word (alpha, beta, pre, preview, rc, dev; not a lone letter, which OpenSSL uses for later releases: <c>1.0.2a</c> &gt; <c>1.0.2</c>): then
/// the shorter one comes after (<c>2.0-rc1</c> &lt; <c>2.0</c>).</item>
/// </list>
/// Versions with the same pieces are equal (<c>1.0-1</c> = <c>1.0.1</c>, <c>01.2</c> = <c>1.2</c>).
/// </summary>
public static class CpeVersionOrder
{
    private static readonly string[] PreReleaseWords = ["alpha", "beta", "pre", "preview", "rc", "dev"];

    /// <summary>Negative when <paramref name="a"/> comes first, zero when they are equal, positive otherwise.</summary>
    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (i, j) = (0, 0);
        while (true)
        {
            var left = Next(a, ref i);
            var right = Next(b, ref j);
            if (left.IsEmpty && right.IsEmpty)
                return 0;
            if (left.IsEmpty)
                return IsPreRelease(right) ? 1 : -1;
            if (right.IsEmpty)
                return IsPreRelease(left) ? -1 : 1;
            var order = ComparePieces(left, right);
            if (order != 0)
                return order;
        }
    }

    private static ReadOnlySpan<char> Next(string text, ref int position)
    {
        while (position < text.Length && IsSeparator(text[position]))
            position++;
        if (position >= text.Length)
            return [];
        var start = position;
        var digits = char.IsAsciiDigit(text[position]);
        while (position < text.Length && !IsSeparator(text[position]) && char.IsAsciiDigit(text[position]) == digits)
            position++;
        return text.AsSpan(start, position - start);
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_' or '+' or ':' or '~';

    private static int ComparePieces(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aNumber = char.IsAsciiDigit(a[0]);
        var bNumber = char.IsAsciiDigit(b[0]);
        if (aNumber != bNumber)
            return aNumber ? 1 : -1;
        if (!aNumber)
            return Math.Sign(a.CompareTo(b, StringComparison.OrdinalIgnoreCase));
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length)
            return a.Length.CompareTo(b.Length);
        return Math.Sign(a.CompareTo(b, StringComparison.Ordinal));
    }

    private static bool IsPreRelease(ReadOnlySpan<char> piece)
    {
        foreach (var word in PreReleaseWords)
        {
            if (piece.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
