namespace Shirube.Domain.Guidelines;

/// <summary>A text in English and Japanese.</summary>
/// <param name="En">English.</param>
/// <param name="Ja">Japanese.</param>
public sealed record LocalizedText(string En, string Ja)
{
    /// <summary>The text in a language: Japanese for "ja…", English otherwise.</summary>
    public string In(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Ja : En;

    /// <summary>True when either language contains <paramref name="term"/> (case-insensitive).</summary>
    public bool Contains(string term) =>
        En.Contains(term, StringComparison.OrdinalIgnoreCase) || Ja.Contains(term, StringComparison.OrdinalIgnoreCase);
}
