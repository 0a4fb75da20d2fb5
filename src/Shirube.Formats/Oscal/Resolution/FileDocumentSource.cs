using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// Reads imports from local files (<c>file:</c> URIs; relative hrefs such as <c>../catalogs/x.json</c> reach any folder).
/// Remote imports are refused: Shirube does not fetch documents from the network while resolving.
/// </summary>
/// <remarks>
/// Only OSCAL JSON is read. NIST publishes each document as XML, JSON and YAML under the same name, and its JSON
/// profiles import the catalog by its XML name (<c>NIST_SP-800-53_rev5_catalog.xml</c>); so an href ending in
/// <c>.xml</c>, <c>.yaml</c> or <c>.yml</c> is read from the file of the same name ending in <c>.json</c> in the
/// same folder when there is one (the profile resolution specification says the format must not change the result).
/// </remarks>
public sealed class FileDocumentSource : IOscalDocumentSource
{
    /// <inheritdoc/>
    public JsonObject Load(Uri href)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (!href.IsAbsoluteUri)
            throw new ArgumentException($"The URI {href} is not absolute.", nameof(href));
        if (href.Scheme == Uri.UriSchemeHttp || href.Scheme == Uri.UriSchemeHttps)
            throw new NotSupportedException(ResolutionErrors.RemoteImport(href));
        if (!href.IsFile)
            throw new NotSupportedException(ResolutionErrors.UnsupportedScheme(href));

        var path = JsonTwin(href.LocalPath);
        if (!File.Exists(path))
            throw new FileNotFoundException(ResolutionErrors.NoFile(href.LocalPath), href.LocalPath);
        return OscalDocumentParser.ReadFile(path, Path.GetFileName(path));
    }

    /// <summary>The file as a URI that <see cref="Load"/> and <see cref="ProfileResolver"/> understand.</summary>
    /// <param name="path">A file path, absolute or relative to the working directory.</param>
    public static Uri ToUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(Path.GetFullPath(path));
    }

    private static string JsonTwin(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".xml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var twin = Path.ChangeExtension(path, ".json");
            if (File.Exists(twin))
                return twin;
        }
        return path;
    }
}
