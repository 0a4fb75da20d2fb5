using Shirube.Domain.Packages;

namespace Shirube.Domain.Components;

/// <summary>The family of an SBOM document.</summary>
public enum SbomFormat
{
    /// <summary>CycloneDX (JSON or XML).</summary>
    CycloneDx,
    /// <summary>SPDX (2.x JSON or tag-value, 3.0 JSON-LD).</summary>
    Spdx,
}

/// <summary>
/// A software bill of materials as Shirube keeps it, whatever it was read from: its components (nested ones
/// flattened, each knowing its parent) and the dependency graph between them.
/// </summary>
/// <param name="Format">CycloneDX or SPDX.</param>
/// <param name="SpecVersion">The specification version the document declares (<c>1.6</c>, <c>2.3</c>, <c>3.0</c>).</param>
public sealed record Sbom(SbomFormat Format, string SpecVersion)
{
    /// <summary>The document's name (SPDX document name, CycloneDX metadata component name), if any.</summary>
    public string? Name { get; init; }
    /// <summary>The component the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES), if any.</summary>
    public SbomComponent? Subject { get; init; }
    /// <summary>Every component, nested ones included (CycloneDX components, SPDX packages).</summary>
    public IReadOnlyList<SbomComponent> Components { get; init; } = [];
    /// <summary>Edges of the dependency graph, by component reference.</summary>
    public IReadOnlyList<SbomDependency> Dependencies { get; init; } = [];
}

/// <summary>One component of an SBOM.</summary>
/// <param name="Ref">Its reference in the document (CycloneDX bom-ref, SPDX SPDXID); unique within the SBOM.</param>
/// <param name="Name">Its name.</param>
public sealed record SbomComponent(string Ref, string Name)
{
    /// <summary>Its version as written, if any.</summary>
    public string? Version { get; init; }
    /// <summary>CycloneDX type (<c>library</c>, <c>firmware</c>, <c>operating-system</c>…) or SPDX primary purpose.</summary>
    public string? Type { get; init; }
    /// <summary>Its package URL, if the document gives a valid one.</summary>
    public PackageUrl? Purl { get; init; }
    /// <summary>Its CPE, if the document gives a valid one.</summary>
    public Cpe? Cpe { get; init; }
    /// <summary>The supplier (organisation or person), if given.</summary>
    public string? Supplier { get; init; }
    /// <summary>Licences: SPDX ids or expressions, or names.</summary>
    public IReadOnlyList<string> Licences { get; init; } = [];
    /// <summary>Hashes of the component.</summary>
    public IReadOnlyList<SbomHash> Hashes { get; init; } = [];
    /// <summary>The reference of the component it is nested in (CycloneDX nested components), if any.</summary>
    public string? ParentRef { get; init; }
}

/// <summary>A hash: algorithm as the SBOM names it (<c>SHA-256</c>, <c>SHA256</c>) and hex value.</summary>
public sealed record SbomHash(string Algorithm, string Value);

/// <summary>An edge of the dependency graph: <paramref name="From"/> depends on <paramref name="To"/>.</summary>
public sealed record SbomDependency(string From, string To);
