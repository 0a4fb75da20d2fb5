namespace Shirube.Domain.Organisation;

/// <summary>
/// A business unit (事業部門). Products, assessments and vulnerabilities belong to one; users belong to
/// one or more and see only their units' data, unless their role sees every unit.
/// </summary>
public sealed class BusinessUnit
{
    private BusinessUnit()
    {
        Code = string.Empty;
        NameEn = string.Empty;
        NameJa = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>Short unique code, e.g. "HOME".</summary>
    public string Code { get; private set; }
    /// <summary>English name.</summary>
    public string NameEn { get; private set; }
    /// <summary>Japanese name.</summary>
    public string NameJa { get; private set; }
    /// <summary>True for the example portfolio's units, which <c>demo remove</c> deletes.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Creates a unit after checking its code and names.</summary>
    public static BusinessUnit Create(string code, string nameEn, string nameJa, bool isDemo = false)
    {
        var unit = new BusinessUnit { Id = Guid.CreateVersion7(), IsDemo = isDemo };
        unit.Rename(code, nameEn, nameJa);
        return unit;
    }

    /// <summary>Changes code and names.</summary>
    public void Rename(string code, string nameEn, string nameJa)
    {
        code = (code ?? string.Empty).Trim();
        if (code.Length is < 1 or > 32 || code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ArgumentException($"Business unit code '{code}' must be 1 to 32 letters, digits, '-' or '_'.", nameof(code));
        Code = code;
        NameEn = RequireName(nameEn, nameof(nameEn));
        NameJa = RequireName(nameJa, nameof(nameJa));
    }

    /// <summary>The name in the given language ("ja" or anything else for English).</summary>
    public string Name(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? NameJa : NameEn;

    private static string RequireName(string name, string parameter)
    {
        name = (name ?? string.Empty).Trim();
        return name.Length is >= 1 and <= 200 ? name : throw new ArgumentException("A name has 1 to 200 characters.", parameter);
    }
}
