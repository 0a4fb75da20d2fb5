using System.Text.RegularExpressions;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// The version bounds a JVN <c>VersionNumber</c> text states, when it is written in one of the common forms:
/// "1.05 およびそれ以前" (1.05 and earlier), "5.16.3 未満" (below 5.16.3), "7.6.2 より前のバージョン" (before 7.6.2),
/// "2.13.0 から 2.15.0 より前のバージョン" (from 2.13.0, before 2.15.0), "8.1" (exactly 8.1), with an optional
/// "Ver." or "バージョン" before a version and a trailing note naming the CVEs it concerns. Any other wording (a
/// product edition, a build number, a component name) states no bound that can be read without guessing.
/// </summary>
/// <param name="Exact">The one affected version.</param>
/// <param name="StartIncluding">Lowest affected version, inclusive.</param>
/// <param name="EndIncluding">Highest affected version, inclusive.</param>
/// <param name="EndExcluding">Versions below this one are affected.</param>
public sealed partial record JvnVersionText(string? Exact, string? StartIncluding, string? EndIncluding, string? EndExcluding)
{
    // A version: digits first, then digits, letters and . - _ (1.05, 2.0-beta9, 6.0.7a); an optional "Ver."/"v" prefix.
    private const string Version = @"(?:(?:ファームウェア)?バージョン\s*|Ver\.?\s*|[vV](?=\d))?(\d[0-9A-Za-z._\-]*)";

    [GeneratedRegex(@"^" + Version + @"$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactForm();

    [GeneratedRegex(@"^" + Version + @"\s*(?:およびそれ以前|以前)$", RegexOptions.CultureInvariant)]
    private static partial Regex UpToForm();

    [GeneratedRegex(@"^" + Version + @"\s*(?:未満|より前)$", RegexOptions.CultureInvariant)]
    private static partial Regex BelowForm();

    [GeneratedRegex(@"^" + Version + @"\s*から\s*" + Version + @"\s*(?:未満|より前)$", RegexOptions.CultureInvariant)]
    private static partial Regex FromBelowForm();

    [GeneratedRegex(@"^" + Version + @"\s*から\s*" + Version + @"\s*(?:およびそれ以前|まで)$", RegexOptions.CultureInvariant)]
    private static partial Regex FromUpToForm();

    // "（CVE-2025-0354、CVE-2025-0355）": which of the record's CVEs the line concerns; the bound is the same.
    [GeneratedRegex(@"\s*[（(]\s*CVE-\d{4}-\d{4,}(?:\s*[、,]\s*CVE-\d{4}-\d{4,})*\s*[)）]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CveNote();

    /// <summary>Reads the bounds of <paramref name="text"/>; null when it is empty or in no common form.</summary>
    public static JvnVersionText? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = CveNote().Replace(text.Normalize(System.Text.NormalizationForm.FormKC).Trim(), "").Trim();
        if (t.EndsWith("のバージョン", StringComparison.Ordinal))
            t = t[..^"のバージョン".Length].TrimEnd();
        if (ExactForm().Match(t) is { Success: true } exact)
            return new JvnVersionText(exact.Groups[1].Value, null, null, null);
        if (UpToForm().Match(t) is { Success: true } upTo)
            return new JvnVersionText(null, null, upTo.Groups[1].Value, null);
        if (BelowForm().Match(t) is { Success: true } below)
            return new JvnVersionText(null, null, null, below.Groups[1].Value);
        if (FromBelowForm().Match(t) is { Success: true } fromBelow)
            return new JvnVersionText(null, fromBelow.Groups[1].Value, null, fromBelow.Groups[2].Value);
        if (FromUpToForm().Match(t) is { Success: true } fromUpTo)
            return new JvnVersionText(null, fromUpTo.Groups[1].Value, fromUpTo.Groups[2].Value, null);
        return null;
    }
}
