namespace Shirube.Domain.Components;

/// <summary>
/// The SBOM of one product version as Shirube keeps it: where it came from (format, specification version, file, who
/// imported it when), its counts, its components and its dependency edges. A version has one; a re-import replaces it.
/// </summary>
public sealed class ProductSbom
{
    /// <summary>The most components one SBOM may carry (a firmware image with every package of its distribution stays below it).</summary>
    public const int MaxComponents = 100_000;

    private readonly List<ProductComponent> _components = [];
    private readonly List<ComponentDependency> _dependencies = [];

    private ProductSbom() => SpecVersion = FileName = ImportedBy = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The business unit of the product (for the unit filter and the audit log).</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>The product.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>The product version it describes.</summary>
    public Guid ProductVersionId { get; private set; }
    /// <summary>CycloneDX or SPDX.</summary>
    public SbomFormat Format { get; private set; }
    /// <summary>The specification version the document declares.</summary>
    public string SpecVersion { get; private set; }
    /// <summary>The document's name, if any.</summary>
    public string? Name { get; private set; }
    /// <summary>The file it was read from.</summary>
    public string FileName { get; private set; }
    /// <summary>When it was imported (UTC).</summary>
    public DateTime ImportedAt { get; private set; }
    /// <summary>Who imported it.</summary>
    public string ImportedBy { get; private set; }
    /// <summary>Every component, nested ones included.</summary>
    public int ComponentCount { get; private set; }
    /// <summary>Components with a purl.</summary>
    public int WithPurl { get; private set; }
    /// <summary>Components with a CPE.</summary>
    public int WithCpe { get; private set; }
    /// <summary>Edges of the dependency graph.</summary>
    public int DependencyCount { get; private set; }
    /// <summary>The components.</summary>
    public IReadOnlyList<ProductComponent> Components => _components;
    /// <summary>The dependency edges.</summary>
    public IReadOnlyList<ComponentDependency> Dependencies => _dependencies;

    /// <summary>
    /// Keeps <paramref name="sbom"/> for a product version: every component (the described subject too, when the
    /// document lists it only as its subject) and every edge between known references. Two components with one
    /// reference are refused (<c>Components.DuplicateRef</c>): edges would not say which one they mean.
    /// </summary>
    public static ProductSbom Import(Guid businessUnitId, Guid productId, Guid productVersionId, Sbom sbom, string fileName, string importedBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(sbom);
        var components = sbom.Components.ToList();
        if (sbom.Subject is { } subject && components.All(c => c.Ref != subject.Ref))
            components.Insert(0, subject);
        Guard.That(components.Count <= MaxComponents, () => CommonErrors.OutOfRange("file", 0, MaxComponents));
        var refs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in components)
            Guard.That(refs.Add(c.Ref), () => ComponentsErrors.DuplicateRef(c.Ref));
        var stored = new ProductSbom
        {
            Id = Guid.CreateVersion7(),
            BusinessUnitId = businessUnitId,
            ProductId = productId,
            ProductVersionId = productVersionId,
            Format = sbom.Format,
            SpecVersion = Guard.Text(sbom.SpecVersion, "specVersion", 20),
            Name = Clip(sbom.Name, 500),
            FileName = Guard.Text(Path.GetFileName(fileName ?? string.Empty) is { Length: > 0 } f ? f : "sbom", "fileName", 255),
            ImportedAt = now,
            ImportedBy = importedBy,
        };
        stored._components.AddRange(components.Select(c => ProductComponent.From(stored, c, isSubject: c.Ref == sbom.Subject?.Ref)));
        // Edges to references the document does not define say nothing a user can follow; they are left out.
        stored._dependencies.AddRange(sbom.Dependencies
            .Where(d => refs.Contains(d.From) && refs.Contains(d.To))
            .DistinctBy(d => (d.From, d.To))
            .Select(d => ComponentDependency.Create(stored.Id, d.From, d.To)));
        stored.ComponentCount = stored._components.Count;
        stored.WithPurl = stored._components.Count(c => c.Purl is not null);
        stored.WithCpe = stored._components.Count(c => c.Cpe is not null);
        stored.DependencyCount = stored._dependencies.Count;
        return stored;
    }

    /// <summary>The SBOM as kept: the subject apart, the other components (nested ones with their parent) and the edges; for export.</summary>
    public Sbom ToSbom() => new(Format, SpecVersion)
    {
        Name = Name,
        Subject = _components.FirstOrDefault(c => c.IsSubject)?.ToSbomComponent(),
        Components = [.. _components.Where(c => !c.IsSubject).Select(c => c.ToSbomComponent())],
        Dependencies = [.. _dependencies.Select(d => new SbomDependency(d.FromRef, d.ToRef))],
    };

    /// <summary>The components as the matcher reads them.</summary>
    public IReadOnlyList<SbomComponent> ToSbomComponents() => [.. _components.Select(c => c.ToSbomComponent())];

    internal static string? Clip(string? text, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        return trimmed.Length <= max ? trimmed : trimmed[..(max - 1)] + "…";
    }
}

/// <summary>An edge of a stored SBOM's dependency graph: <see cref="FromRef"/> depends on <see cref="ToRef"/>.</summary>
public sealed class ComponentDependency
{
    private ComponentDependency() => FromRef = ToRef = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The SBOM.</summary>
    public Guid SbomId { get; private set; }
    /// <summary>The reference of the dependent component.</summary>
    public string FromRef { get; private set; }
    /// <summary>The reference of the component depended on.</summary>
    public string ToRef { get; private set; }

    internal static ComponentDependency Create(Guid sbomId, string from, string to) =>
        new() { Id = Guid.CreateVersion7(), SbomId = sbomId, FromRef = from, ToRef = to };
}
