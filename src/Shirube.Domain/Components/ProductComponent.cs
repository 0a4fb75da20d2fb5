using Shirube.Domain.Packages;

namespace Shirube.Domain.Components;

/// <summary>
/// One component of a product version's SBOM, with its identity (purl, CPE), supplier, licences and hashes, and the
/// search keys "am I affected?" looks it up by: ecosystem and normalised name, purl without version, CPE vendor and
/// product.
/// </summary>
public sealed class ProductComponent
{
    /// <summary>The longest reference kept.</summary>
    public const int MaxRef = 1000;
    /// <summary>The longest purl-without-version kept as a search key (PostgreSQL indexes entries of up to about 2,700 bytes).</summary>
    public const int MaxPurlBase = 1000;

    private readonly List<string> _licences = [];
    private readonly List<string> _hashes = [];

    private ProductComponent() => Ref = Name = NormalizedName = ShortName = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The SBOM.</summary>
    public Guid SbomId { get; private set; }
    /// <summary>The business unit of the product (for the unit filter).</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>The product version.</summary>
    public Guid ProductVersionId { get; private set; }
    /// <summary>Its reference in the document.</summary>
    public string Ref { get; private set; }
    /// <summary>Its name.</summary>
    public string Name { get; private set; }
    /// <summary>Its version as written.</summary>
    public string? Version { get; private set; }
    /// <summary>CycloneDX type or SPDX primary purpose.</summary>
    public string? Type { get; private set; }
    /// <summary>Its purl, canonical.</summary>
    public string? Purl { get; private set; }
    /// <summary>Its CPE 2.3 formatted string.</summary>
    public string? Cpe { get; private set; }
    /// <summary>The supplier.</summary>
    public string? Supplier { get; private set; }
    /// <summary>Licences: SPDX ids, expressions or names.</summary>
    public IReadOnlyList<string> Licences => _licences;
    /// <summary>Hashes as <c>ALGORITHM:hex</c>.</summary>
    public IReadOnlyList<string> Hashes => _hashes;
    /// <summary>The reference of the component it is nested in.</summary>
    public string? ParentRef { get; private set; }
    /// <summary>True for the component the SBOM describes (the product itself).</summary>
    public bool IsSubject { get; private set; }
    /// <summary>Search key: the OSV ecosystem of its purl, lower case (see <see cref="SearchKey"/>).</summary>
    public string? Ecosystem { get; private set; }
    /// <summary>Search key: its name as its ecosystem writes it, normalised (see <see cref="SearchKey"/>).</summary>
    public string NormalizedName { get; private set; }
    /// <summary>Search key: the last part of <see cref="NormalizedName"/> (<c>log4j-core</c> of <c>org.apache.logging.log4j:log4j-core</c>), so a bare name finds it.</summary>
    public string ShortName { get; private set; }
    /// <summary>Search key: its purl without version, qualifiers and subpath.</summary>
    public string? PurlBase { get; private set; }
    /// <summary>Search key: its CPE vendor, lower case.</summary>
    public string? CpeVendor { get; private set; }
    /// <summary>Search key: its CPE product, lower case.</summary>
    public string? CpeProduct { get; private set; }

    internal static ProductComponent From(ProductSbom sbom, SbomComponent c, bool isSubject)
    {
        var key = c.Purl is { } purl ? SearchKey.Of(purl) : SearchKey.Of(null, c.Name);
        var component = new ProductComponent
        {
            Id = Guid.CreateVersion7(),
            SbomId = sbom.Id,
            BusinessUnitId = sbom.BusinessUnitId,
            ProductVersionId = sbom.ProductVersionId,
            Ref = ProductSbom.Clip(c.Ref, MaxRef)!,
            Name = ProductSbom.Clip(c.Name, 500) ?? "?",
            Version = ProductSbom.Clip(c.Version, 200),
            Type = ProductSbom.Clip(c.Type, 50),
            Purl = c.Purl?.ToString(),
            Cpe = c.Cpe?.ToString(),
            Supplier = ProductSbom.Clip(c.Supplier, 500),
            ParentRef = ProductSbom.Clip(c.ParentRef, MaxRef),
            IsSubject = isSubject,
            Ecosystem = key.Ecosystem,
            NormalizedName = ProductSbom.Clip(key.Name, 500) ?? "?",
            ShortName = ProductSbom.Clip(ShortOf(key.Name), 500) ?? "?",
            PurlBase = c.Purl is { } p && AffectedQuery.BaseOf(p) is { Length: <= MaxPurlBase } purlBase ? purlBase : null,
            CpeVendor = c.Cpe?.Vendor.ToLowerInvariant(),
            CpeProduct = c.Cpe?.Product.ToLowerInvariant(),
        };
        component._licences.AddRange(c.Licences.Select(l => ProductSbom.Clip(l, 500)).OfType<string>().Distinct(StringComparer.Ordinal));
        component._hashes.AddRange(c.Hashes.Select(h => $"{h.Algorithm}:{h.Value}").Distinct(StringComparer.Ordinal));
        return component;
    }

    /// <summary>The last segment of a normalised name, after its last ':' or '/'.</summary>
    public static string ShortOf(string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        var cut = normalizedName.LastIndexOfAny([':', '/']);
        return cut >= 0 && cut < normalizedName.Length - 1 ? normalizedName[(cut + 1)..] : normalizedName;
    }

    /// <summary>The component as the matcher and the exports read it.</summary>
    public SbomComponent ToSbomComponent() => new(Ref, Name)
    {
        Version = Version,
        Type = Type,
        Purl = Purl is not null && PackageUrl.TryParse(Purl, out var purl) ? purl : null,
        Cpe = Cpe is not null && Packages.Cpe.TryParse(Cpe, out var cpe) ? cpe : null,
        Supplier = Supplier,
        Licences = _licences,
        Hashes = [.. _hashes.Select(h => h.Split(':', 2)).Select(p => new SbomHash(p[0], p.Length > 1 ? p[1] : string.Empty))],
        ParentRef = ParentRef,
    };
}
