using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// Versions that are only numbers: Hackage (the Haskell PVP, numbers separated by '.') and CRAN and Bioconductor (R's
/// package_version, numbers separated by '.' or '-'). They order as lists of numbers, and a list that continues an
/// equal one is the greater (Haskell's Data.Version and R both hold 1.0 &lt; 1.0.0).
/// </summary>
public sealed class NumberListScheme : VersionScheme
{
    private readonly bool _dashSeparates;

    private NumberListScheme(string name, bool dashSeparates)
    {
        Name = name;
        _dashSeparates = dashSeparates;
    }

    /// <summary>Hackage: the PVP's dotted numbers.</summary>
    public static NumberListScheme Hackage { get; } = new("Hackage", false);

    /// <summary>CRAN: R's package versions.</summary>
    public static NumberListScheme Cran { get; } = new("CRAN", true);

    /// <summary>Bioconductor: R packages, R's package versions.</summary>
    public static NumberListScheme Bioconductor { get; } = new("Bioconductor", true);

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason)
    {
        var s = text?.Trim() ?? "";
        var separators = _dashSeparates ? "numbers separated by '.' or '-'" : "numbers separated by '.'";
        var numbers = new List<VersionNumber>();
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && char.IsAsciiDigit(s[i]))
                continue;
            var separator = i < s.Length && (s[i] == '.' || (_dashSeparates && s[i] == '-'));
            if (i == s.Length || separator)
            {
                if (i == start)
                    return SchemeText.Refuse(this, text, $"a number is missing at position {i + 1} ({separators}).", out version, out reason);
                numbers.Add(VersionNumber.Of(s.AsSpan(start, i - start)));
                start = i + 1;
                continue;
            }
            return SchemeText.Refuse(this, text, $"'{s[i]}' at position {i + 1}: a version is {separators}.", out version, out reason);
        }
        version = new Version(text!, [.. numbers]);
        reason = null;
        return true;
    }

    private sealed class Version(string text, VersionNumber[] numbers) : SchemeVersion(text)
    {
        private VersionNumber[] Numbers => numbers;

        public override int CompareTo(SchemeVersion? other)
        {
            var o = SchemeText.Same<Version>(other).Numbers;
            var n = Math.Min(numbers.Length, o.Length);
            for (var i = 0; i < n; i++)
            {
                var c = numbers[i].CompareTo(o[i]);
                if (c != 0)
                    return c;
            }
            return numbers.Length.CompareTo(o.Length);
        }
    }
}
