namespace Shirube.Domain.Organisation;

/// <summary>
/// A business unit (事業部門). Products, assessments and vulnerabilities belong to one; users belong to
/// one or more and see only their units' data, unless their role sees every unit.
/// </summary>
public sealed class BusinessUnit
{
    /// <summary>Longest code.</summary>
    public const int MaxCode = 32;
    /// <summary>Longest name.</summary>
    public const int MaxName = 200;

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

    /// <summary>Changes code and names: a code of 1 to 32 letters, digits, '-' or '_' (<c>Organisation.UnitCode</c>), names of 1 to 200 characters.</summary>
    public void Rename(string code, string nameEn, string nameJa)
    {
        code = (code ?? string.Empty).Trim();
        Guard.That(code.Length is >= 1 and <= MaxCode && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), () => OrganisationErrors.UnitCode(code));
        Code = code;
        NameEn = Guard.Text(nameEn, nameof(nameEn), MaxName);
        NameJa = Guard.Text(nameJa, nameof(nameJa), MaxName);
    }

    /// <summary>The name in the given language ("ja" or anything else for English).</summary>
    public string Name(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? NameJa : NameEn;
}
