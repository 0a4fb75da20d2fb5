using System.Globalization;

namespace Shirube.Domain.Versions;

/// <summary>
/// A run of decimal digits read once into a form that orders by value with no upper bound (the OSV fixtures hold
/// 30-digit components): values below 10^18 as a number, longer ones as their digits without leading zeros.
/// </summary>
internal readonly struct VersionNumber : IComparable<VersionNumber>, IEquatable<VersionNumber>
{
    private const int SmallDigits = 18;
    private readonly ulong _small;
    private readonly string? _big;

    private VersionNumber(ulong small, string? big)
    {
        _small = small;
        _big = big;
    }

    /// <summary>Zero, the value of a missing component.</summary>
    public static VersionNumber Zero => default;

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => _big is null && _small == 0;

    /// <summary>Reads <paramref name="digits"/>, which must be ASCII digits only (the caller has checked).</summary>
    public static VersionNumber Of(ReadOnlySpan<char> digits)
    {
        var start = 0;
        while (start < digits.Length - 1 && digits[start] == '0')
            start++;
        var significant = digits[start..];
        if (significant.Length <= SmallDigits)
            return new VersionNumber(ulong.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture), null);
        return new VersionNumber(0, significant.ToString());
    }

    /// <summary>Orders two runs of digits by value without reading them (leading zeros ignored, no overflow).</summary>
    public static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length)
            return a.Length < b.Length ? -1 : 1;
        return Math.Sign(a.SequenceCompareTo(b));
    }

    /// <summary>Whether <paramref name="text"/> is one or more ASCII digits.</summary>
    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    public int CompareTo(VersionNumber other)
    {
        if (_big is null)
            return other._big is null ? _small.CompareTo(other._small) : -1;
        if (other._big is null)
            return 1;
        return _big.Length != other._big.Length ? _big.Length.CompareTo(other._big.Length) : string.CompareOrdinal(_big, other._big);
    }

    public bool Equals(VersionNumber other) => _small == other._small && string.Equals(_big, other._big, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is VersionNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_small, _big);

    public override string ToString() => _big ?? _small.ToString(CultureInfo.InvariantCulture);

    public static bool operator ==(VersionNumber left, VersionNumber right) => left.Equals(right);

    public static bool operator !=(VersionNumber left, VersionNumber right) => !left.Equals(right);

    public static bool operator <(VersionNumber left, VersionNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(VersionNumber left, VersionNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(VersionNumber left, VersionNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(VersionNumber left, VersionNumber right) => left.CompareTo(right) >= 0;
}

/// <summary>Helpers every scheme's reader shares: the refusal that names the scheme, and the type check of CompareTo.</summary>
internal static class SchemeText
{
    /// <summary>Sets the refusal "'text' is not a Name version: why" and returns false.</summary>
    public static bool Refuse(VersionScheme scheme, string? text, string why, out SchemeVersion? version, out string? reason)
    {
        version = null;
        reason = text is null ? $"No version given ({scheme.Name})." : $"'{text}' is not a {scheme.Name} version: {why}";
        return false;
    }

    /// <summary>The other version as this scheme's type, or the exception for comparing across schemes.</summary>
    public static T Same<T>(SchemeVersion? other) where T : SchemeVersion =>
        other as T ?? throw new ArgumentException($"A {typeof(T).DeclaringType?.Name ?? typeof(T).Name} version does not compare with {(other is null ? "null" : other.GetType().DeclaringType?.Name ?? other.GetType().Name)}.", nameof(other));

    /// <summary>Compares two arrays item by item; a missing item is <paramref name="missing"/>.</summary>
    public static int CompareSequences<T>(T[] a, T[] b, T missing) where T : IComparable<T>
    {
        var n = Math.Max(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = (i < a.Length ? a[i] : missing).CompareTo(i < b.Length ? b[i] : missing);
            if (c != 0)
                return c;
        }
        return 0;
    }
}
