namespace Shirube.Domain.Disclosure.Records;

/// <summary>A text in one language, tagged with its BCP 47 code (<c>ja</c>, <c>en</c>).</summary>
/// <param name="Lang">The language code.</param>
/// <param name="Value">The text.</param>
public sealed record LocalizedText(string Lang, string Value)
{
    /// <summary>A Japanese text.</summary>
    public static LocalizedText Ja(string value) => new("ja", value);

    /// <summary>An English text.</summary>
    public static LocalizedText En(string value) => new("en", value);

    /// <summary>True for English and its regional forms (<c>en</c>, <c>en-US</c>).</summary>
    public bool IsEnglish => Lang.Equals("en", StringComparison.OrdinalIgnoreCase) || Lang.StartsWith("en-", StringComparison.OrdinalIgnoreCase) || Lang.StartsWith("en_", StringComparison.OrdinalIgnoreCase);
}
