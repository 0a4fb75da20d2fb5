using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Shirube.Formats.Disclosure;

/// <summary>A CSAF version number: integer versioning (<c>3</c>) or semantic versioning (<c>1.2.0-rc.1+build</c>).</summary>
internal sealed partial record CsafVersion(string Text, bool IsInteger, BigInteger Major, BigInteger Minor, BigInteger Patch, string? PreRelease, string? Build)
{
    /// <summary>Orders by semantic-versioning precedence (build metadata ignored); integers by value.</summary>
    public static IComparer<CsafVersion?> Precedence { get; } = Comparer<CsafVersion?>.Create(Compare);

    /// <summary>Version 0, or 0.y.z.</summary>
    public bool IsZero => Major.IsZero;

    /// <summary>The text without build metadata.</summary>
    public string WithoutBuild => Build is null ? Text : Text[..Text.IndexOf('+', StringComparison.Ordinal)];

    /// <summary>The text compared by 6.1.16: without build metadata, and without the pre-release part when asked.</summary>
    public string Comparable(bool ignorePreRelease) =>
        ignorePreRelease && PreRelease is not null ? WithoutBuild[..WithoutBuild.IndexOf('-', StringComparison.Ordinal)] : WithoutBuild;

    /// <summary>Reads a version, or null for text that is neither form (the schema reports it).</summary>
    public static CsafVersion? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            return null;
        if (match.Groups["int"].Success)
            return new CsafVersion(text, true, Big(match.Groups["int"].Value), 0, 0, null, null);
        return new CsafVersion(text, false, Big(match.Groups["major"].Value), Big(match.Groups["minor"].Value), Big(match.Groups["patch"].Value),
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null, match.Groups["build"].Success ? match.Groups["build"].Value : null);
    }

    private static BigInteger Big(string digits) => BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Compare(CsafVersion? a, CsafVersion? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : -1) : 1;
        var c = a.Major.CompareTo(b.Major);
        if (c != 0)
            return c;
        c = a.Minor.CompareTo(b.Minor);
        if (c != 0)
            return c;
        c = a.Patch.CompareTo(b.Patch);
        if (c != 0)
            return c;
        if (a.PreRelease is null || b.PreRelease is null)
            return a.PreRelease is null ? (b.PreRelease is null ? 0 : 1) : -1;
        var x = a.PreRelease.Split('.');
        var y = b.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var xNumeric = BigInteger.TryParse(x[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xn);
            var yNumeric = BigInteger.TryParse(y[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yn);
            c = xNumeric && yNumeric ? xn.CompareTo(yn)
                : xNumeric ? -1
                : yNumeric ? 1
                : string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
                return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    [GeneratedRegex(@"^(?:(?<int>0|[1-9][0-9]*)|(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
