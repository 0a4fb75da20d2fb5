using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Portfolio;

/// <summary>A product of the portfolio: it belongs to one business unit and one product field (分野).</summary>
public sealed class Product
{
    private readonly List<IotPart> _parts = [];

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

    /// <summary>Creates a product.</summary>
    public static Product Create(Guid businessUnitId, string name, string field, IEnumerable<IotPart> parts, bool isDemo = false)
    {
        var product = new Product { Id = Guid.CreateVersion7(), IsDemo = isDemo };
        product.Update(businessUnitId, name, field, parts);
        return product;
    }

    /// <summary>Changes the product's unit, name, field and parts.</summary>
    public void Update(Guid businessUnitId, string name, string field, IEnumerable<IotPart> parts)
    {
        if (businessUnitId == Guid.Empty)
            throw new ArgumentException("A product belongs to a business unit.", nameof(businessUnitId));
        name = (name ?? string.Empty).Trim();
        if (name.Length is < 1 or > 200)
            throw new ArgumentException("A product name has 1 to 200 characters.", nameof(name));
        field = (field ?? string.Empty).Trim();
        if (field.Length is < 1 or > 50)
            throw new ArgumentException("A product field has 1 to 50 characters.", nameof(field));
        BusinessUnitId = businessUnitId;
        Name = name;
        Field = field;
        _parts.Clear();
        _parts.AddRange(parts.Distinct().Order());
    }

    /// <summary>The four-group view of the product's parts.</summary>
    public IReadOnlySet<IotPartGroup> PartGroups => _parts.Select(IotParts.GroupOf).ToHashSet();
}
