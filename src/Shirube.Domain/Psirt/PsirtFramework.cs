using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Psirt;

/// <summary>
/// The FIRST PSIRT Services Framework: six service areas, their services and functions, and the maturity levels.
/// Ids and official names are FIRST's; titles and summaries are Shirube's own words.
/// </summary>
public sealed class PsirtFramework
{
    private readonly Dictionary<string, PsirtService> _services;

    /// <summary>A framework from its areas and levels; service ids must be unique.</summary>
    public PsirtFramework(string version, IReadOnlyList<PsirtServiceArea> areas, IReadOnlyList<PsirtMaturityLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(areas);
        Version = version;
        Areas = areas;
        Levels = levels;
        _services = areas.SelectMany(a => a.Services).ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The framework's version, e.g. "1.1".</summary>
    public string Version { get; }

    /// <summary>The service areas in order (SA1…SA6).</summary>
    public IReadOnlyList<PsirtServiceArea> Areas { get; }

    /// <summary>The maturity levels (ML1 basic, ML2 intermediate, ML3 advanced).</summary>
    public IReadOnlyList<PsirtMaturityLevel> Levels { get; }

    /// <summary>Every service in order (1.1 … 6.5).</summary>
    public IEnumerable<PsirtService> Services => Areas.SelectMany(a => a.Services);

    /// <summary>The service with this id, or null.</summary>
    public PsirtService? Service(string id) => _services.GetValueOrDefault(id);

    /// <summary>The area holding a service.</summary>
    public PsirtServiceArea AreaOf(PsirtService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Areas.Single(a => a.Id == service.AreaId);
    }

    /// <summary>The level entry for a maturity level.</summary>
    public PsirtMaturityLevel Level(MaturityLevel level) => Levels.Single(l => l.Level == level);
}

/// <summary>A service area (SA1 … SA6).</summary>
/// <param name="Id">"SA1" … "SA6".</param>
/// <param name="Name">FIRST's name.</param>
/// <param name="Title">Our short title.</param>
/// <param name="Summary">Our one-sentence summary.</param>
/// <param name="Services">Its services.</param>
public sealed record PsirtServiceArea(string Id, string Name, LocalizedText Title, LocalizedText Summary, IReadOnlyList<PsirtService> Services)
{
    /// <summary>The area's number, 1 … 6.</summary>
    public int Number => int.Parse(Id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A service (1.1 … 6.5).</summary>
/// <param name="Id">"1.1" … "6.5".</param>
/// <param name="AreaId">Its area, "SA1" … "SA6".</param>
/// <param name="Name">FIRST's name.</param>
/// <param name="Title">Our short title.</param>
/// <param name="Summary">Our one-sentence summary.</param>
/// <param name="Verify">True when the name was corrected or not confirmed against FIRST's text: shown with a VERIFY mark.</param>
/// <param name="Functions">Its numbered functions (6.5 has none).</param>
public sealed record PsirtService(string Id, string AreaId, string Name, LocalizedText Title, LocalizedText Summary, bool Verify, IReadOnlyList<PsirtFunction> Functions);

/// <summary>A numbered function of a service (1.1.1 …).</summary>
/// <param name="Id">"1.1.1" ….</param>
/// <param name="ServiceId">Its service.</param>
/// <param name="Name">FIRST's name.</param>
public sealed record PsirtFunction(string Id, string ServiceId, string Name);

/// <summary>
/// One of FIRST's PSIRT maturity levels. FIRST's maturity document says which services each level expects; that
/// mapping is not in Shirube's reference, so levels are a team's own judgement and always carry the VERIFY mark.
/// </summary>
/// <param name="Id">"ML1" … "ML3".</param>
/// <param name="Level">The level.</param>
/// <param name="Name">FIRST's name as recorded (unverified).</param>
/// <param name="Title">Our short title.</param>
/// <param name="Verify">True while the levels are not checked against FIRST's document.</param>
public sealed record PsirtMaturityLevel(string Id, MaturityLevel Level, string Name, LocalizedText Title, bool Verify);

/// <summary>FIRST's three PSIRT maturity levels.</summary>
public enum MaturityLevel
{
    /// <summary>Level 1.</summary>
    Basic = 1,
    /// <summary>Level 2.</summary>
    Intermediate = 2,
    /// <summary>Level 3.</summary>
    Advanced = 3,
}
