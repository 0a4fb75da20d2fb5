using System.Xml.Linq;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>The UI strings as the resx files hold them: "" for English (the neutral file), "ja" for Japanese.</summary>
public static class ResxTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    public static IReadOnlyDictionary<string, string> Load(string culture)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(culture, out var texts))
            {
                var file = Path.Combine(ServerProcess.RepositoryRoot(), "src", "Shirube.Web", "Resources",
                    culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
                texts = XDocument.Load(file).Root!.Elements("data")
                    .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
                Cache[culture] = texts;
            }
            return texts;
        }
    }

    /// <summary>One text, formatted with <paramref name="args"/> in the culture.</summary>
    public static string Text(string culture, string key, params object[] args) =>
        string.Format(new System.Globalization.CultureInfo(culture.Length == 0 ? "en" : culture), Load(culture)[key], args);
}
