using Shirube.Domain.Components;

namespace Shirube.Formats.Components;

/// <summary>
/// Reads an SBOM of any supported format (CycloneDX 1.2–1.6 JSON and XML, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0
/// JSON-LD), recognised by its content, validated against the official schema, all or nothing.
/// </summary>
public static class SbomReader
{
    /// <summary>Reads the document; <see cref="SbomFormatException"/> names the file, the place and what is wrong.</summary>
    public static Sbom Read(Stream content, string fileName) =>
        throw new NotImplementedException("Issue 12, SBOM slice: not built yet.");
}

/// <summary>An SBOM that cannot be read: names the file, the place in it and what is wrong there.</summary>
public sealed class SbomFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);
