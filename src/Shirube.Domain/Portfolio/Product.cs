using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Portfolio;

/// <summary>A product of the portfolio: it belongs to one business unit and one product field (分野).</summary>
public sealed class Product
{
    private readonly List<IotPart> _parts = [];
    private readonly List<string> _markets = [];
    private readonly List<string> _owners = [];
    private readonly List<string> _guidelines = [];
    private readonly List<ProductVersion> _versions = [];

    private Product()
    {
        Name = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The owning business unit.</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>Product name, as the maker writes it.</summary>
    public string Name { get; private set; }
    /// <summary>Product field (分野), e.g. "A".</summary>
    public string Field { get; private set; }
    /// <summary>The IoT parts the product has.</summary>
    public IReadOnlyList<IotPart> Parts => _parts;
    /// <summary>True for the example portfolio's products.</summary>
    public bool IsDemo { get; private set; }
    /// <summary>The sector (automotive, smart-meter, power-control, medical, consumer, industrial), if any.</summary>
    public string? Sector { get; private set; }
    /// <summary>Target markets, e.g. JP, EU, US, UK.</summary>
    public IReadOnlyList<string> Markets => _markets;
    /// <summary>The risk class (see <see cref="RiskClass"/>), once assessed.</summary>
    public int? RiskClass { get; private set; }
    /// <summary>The level the product must reach, when set explicitly; see <see cref="RequiredLevel"/>.</summary>
    public RequirementLevel? RequiredLevelSet { get; private set; }
    /// <summary>
    /// The required level (必要なレベル): as set, else from the risk class — up to class 1 MUST, classes 2–3 SHOULD,
    /// class 4 and above BETTER.
    /// </summary>
    public RequirementLevel RequiredLevel => RequiredLevelSet ?? (RiskClass ?? 0) switch
    {
        <= 1 => RequirementLevel.Must,
        <= 3 => RequirementLevel.Should,
        _ => RequirementLevel.Better,
    };

    /// <summary>Sets the required level, or null to derive it from the risk class.</summary>
    public void Require(RequirementLevel? level) => RequiredLevelSet = level;

    /// <summary>Who owns the product (user names or e-mail addresses).</summary>
    public IReadOnlyList<string> Owners => _owners;
    /// <summary>The guidelines chosen for the product's baseline (catalog ids).</summary>
    public IReadOnlyList<string> Guidelines => _guidelines;
    /// <summary>Released and planned versions.</summary>
    public IReadOnlyList<ProductVersion> Versions => _versions;

    /// <summary>Sectors a product may belong to.</summary>
    public static IReadOnlyList<string> Sectors { get; } = ["automotive", "smart-meter", "power-control", "medical", "consumer", "industrial"];

    /// <summary>Sets sector, markets, risk class and owners, after checking them (<c>Common.UnknownValue</c>, <c>Portfolio.Market</c>, <c>Common.OutOfRange</c>).</summary>
    public void Describe(string? sector, IEnumerable<string> markets, int? riskClass, IEnumerable<string> owners)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(owners);
        Guard.That(sector is null || Sectors.Contains(sector), () => CommonErrors.UnknownValue("sector", sector!, string.Join(", ", Sectors)));
        var marketList = markets.Select(m => m.Trim().ToUpperInvariant()).Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var bad = marketList.FirstOrDefault(m => m.Length is < 2 or > 6 || !m.All(char.IsAsciiLetterUpper));
        Guard.That(bad is null, () => PortfolioErrors.Market(bad!));
        Guard.That(riskClass is null or (>= Portfolio.RiskClass.Lowest and <= Portfolio.RiskClass.Highest),
            () => CommonErrors.OutOfRange("riskClass", Portfolio.RiskClass.Lowest, Portfolio.RiskClass.Highest));
        Sector = sector;
        RiskClass = riskClass;
        _markets.Clear();
        _markets.AddRange(marketList);
        _owners.Clear();
        _owners.AddRange(owners.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Records the guidelines the user accepted for the baseline.</summary>
    public void ChooseGuidelines(IEnumerable<string> guidelineIds)
    {
        _guidelines.Clear();
        _guidelines.AddRange(guidelineIds.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Adds a version; its name must be new for the product (<c>Portfolio.VersionExists</c>).</summary>
    public ProductVersion AddVersion(string version, DateOnly? releaseDate, DateOnly? endOfSupport)
    {
        Guard.That(!_versions.Any(v => string.Equals(v.Version, version?.Trim(), StringComparison.OrdinalIgnoreCase)), () => PortfolioErrors.VersionExists(version.Trim()));
        var added = ProductVersion.Create(Id, version, releaseDate, endOfSupport);
        _versions.Add(added);
        return added;
    }

    /// <summary>Creates a product.</summary>
    public static Product Create(Guid businessUnitId, string name, string field, IEnumerable<IotPart> parts, bool isDemo = false)
    {
        var product = new Product { Id = Guid.CreateVersion7(), IsDemo = isDemo };
        product.Update(businessUnitId, name, field, parts);
        return product;
    }

    /// <summary>Changes the product's unit, name (1 to 200 characters), field (1 to 50) and parts.</summary>
    public void Update(Guid businessUnitId, string name, string field, IEnumerable<IotPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Guard.That(businessUnitId != Guid.Empty, CommonErrors.Required("businessUnitId"));
        name = Guard.Text(name, "name", 200);
        field = Guard.Text(field, "field", 50);
        BusinessUnitId = businessUnitId;
        Name = name;
        Field = field;
        _parts.Clear();
        _parts.AddRange(parts.Distinct().Order());
    }

    /// <summary>The four-group view of the product's parts.</summary>
    public IReadOnlySet<IotPartGroup> PartGroups => _parts.Select(IotParts.GroupOf).ToHashSet();
}
