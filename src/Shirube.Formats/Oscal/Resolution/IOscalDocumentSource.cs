using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// Supplies the OSCAL documents (catalogs and profiles, in JSON) that a profile imports. The resolver turns every
/// import <c>href</c> into an absolute URI against the importing document (RFC 3986, section 5) before it asks; back-matter
/// references (<c>#uuid</c>) are followed by the resolver itself, to the resource's rlinks or its base64 content.
/// </summary>
/// <remarks>
/// Sources may return the same object for the same URI more than once: the resolver never changes a document it is given.
/// </remarks>
public interface IOscalDocumentSource
{
    /// <summary>The document at <paramref name="href"/>: a JSON object with a <c>catalog</c> or a <c>profile</c>.</summary>
    /// <param name="href">An absolute URI.</param>
    /// <returns>The document's root object.</returns>
    /// <exception cref="OscalFormatException">The document is there but is not JSON, or is too large or too deep.</exception>
    /// <exception cref="IOException">The document cannot be read (<see cref="FileNotFoundException"/> when there is none).</exception>
    /// <exception cref="NotSupportedException">This source does not serve the URI's scheme (for example remote http imports).</exception>
    /// <exception cref="UnauthorizedAccessException">The document may not be read.</exception>
    JsonObject Load(Uri href);
}
