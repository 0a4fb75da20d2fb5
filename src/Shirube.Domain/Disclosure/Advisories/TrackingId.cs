using System.Globalization;

namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>
/// An advisory's tracking id, <c>&lt;prefix&gt;-&lt;year&gt;-&lt;4 digits&gt;</c> (SHIRUBE-SA-2026-0001): the prefix is the
/// publisher's, the year that of the first draft, the number counts that year's advisories.
/// </summary>
public static class TrackingId
{
    /// <summary>The prefix used when none is configured.</summary>
    public const string DefaultPrefix = "SHIRUBE-SA";

    /// <summary>The id of the <paramref name="sequence"/>-th advisory of <paramref name="year"/>.</summary>
    /// <exception cref="DomainException">The prefix is not 2 to 30 ASCII letters, digits or inner hyphens (<c>Advisories.NotAPrefix</c>).</exception>
    public static string Format(string prefix, int year, int sequence)
    {
        Guard.That(IsPrefix(prefix), () => AdvisoryErrors.NotAPrefix(prefix));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix.ToUpperInvariant()}-{year:0000}-{sequence:0000}");
    }

    /// <summary>The start every id of <paramref name="year"/> shares, for counting them.</summary>
    public static string YearStart(string prefix, int year) => string.Create(CultureInfo.InvariantCulture, $"{prefix.ToUpperInvariant()}-{year:0000}-");

    /// <summary>True for 2 to 30 ASCII letters, digits and hyphens, starting and ending with a letter or digit.</summary>
    public static bool IsPrefix(string? prefix) =>
        prefix is { Length: >= 2 and <= 30 } && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && char.IsAsciiLetterOrDigit(prefix[0]) && char.IsAsciiLetterOrDigit(prefix[^1]);
}
