using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// Serves documents held in memory under URIs of the caller's choosing, e.g. <c>urn:shirube:catalog/etsi-en-303-645</c>
/// or <c>memory://exports/profile.json</c> (hierarchical URIs let relative hrefs resolve between them).
/// </summary>
public sealed class InMemoryDocumentSource : IOscalDocumentSource
{
    private readonly Dictionary<Uri, JsonObject> _documents = [];

    /// <summary>Registers (or replaces) the document at <paramref name="href"/>.</summary>
    /// <param name="href">An absolute URI.</param>
    /// <param name="document">The document's root object, with a <c>catalog</c> or a <c>profile</c>.</param>
    /// <returns>This source, to chain calls.</returns>
    public InMemoryDocumentSource Add(Uri href, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(href);
        ArgumentNullException.ThrowIfNull(document);
        if (!href.IsAbsoluteUri)
            throw new ArgumentException($"The URI {href} is not absolute.", nameof(href));
        _documents[href] = document;
        return this;
    }

    /// <inheritdoc/>
    public JsonObject Load(Uri href)
    {
        ArgumentNullException.ThrowIfNull(href);
        return _documents.TryGetValue(href, out var document)
            ? document
            : throw new FileNotFoundException($"no document is registered at {href}.");
    }
}
