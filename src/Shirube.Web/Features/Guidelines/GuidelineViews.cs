using Shirube.Domain;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Web.Features.Guidelines;

internal sealed record TextDto(string En, string Ja)
{
    public static TextDto? Of(LocalizedText? t) => t is null ? null : new(t.En, t.Ja);
}

internal sealed record GuidelineSummaryDto(string Id, TextDto Name, string ShortName, string Issuer, string Region, int Year, string? Version,
    string Kind, string? Sector, int Requirements, int Unverified, bool Verified, string[] PartGroups, string Origin);

internal sealed record ParameterDto(string Id, string? Label, string[] Values, string[] Choices, bool ChooseMany);

internal sealed record RequirementDto(string Id, string? Group, TextDto Title, TextDto Summary, string[] Parts, string[] Phases,
    string? Level, string[] Levels, string[] Controls, bool Verified, TextDto? Note, string? Parent, ParameterDto[] Parameters);

internal sealed record GroupDto(string Id, TextDto Title, GroupDto[] Groups);

internal sealed record GuidelineDto(GuidelineSummaryDto Guideline, TextDto Scope, TextDto Summary, string SourceUrl, string Licence, string Reuse,
    string? Reference, string[] Levels, int ExpectedCount, TextDto? Note, GroupDto[] Groups, RequirementDto[] Requirements);

internal sealed record CellDto(int Count, double Depth);

internal sealed record MatrixRowDto(string Id, string ShortName, TextDto Name, string Region, string Kind, int Year, int Requirements,
    Dictionary<string, CellDto> Groups, Dictionary<string, CellDto> Parts, bool CoversAllGroups);

internal sealed record MatrixDto(MatrixRowDto[] Rows, string[] AllRounders, Dictionary<string, string?> MostDetailed);

internal sealed record ControlDto(string Id, TextDto Title, TextDto Description, int Requirements, int Guidelines);

internal sealed record MappedRequirementDto(string GuidelineId, string GuidelineShortName, string RequirementId, TextDto Title, string? Level, string[] Levels, bool Verified);

internal sealed record ControlDetailDto(ControlDto Control, MappedRequirementDto[] Requirements);

internal sealed record RequirementDetailDto(GuidelineSummaryDto Guideline, RequirementDto Requirement, ControlDetailDto[] Controls);

/// <summary>A file to download: its bytes, media type and name.</summary>
internal sealed record DownloadFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Reads of the guideline catalog, shared by the API and the pages: guidelines, requirements, common controls,
/// coverage matrix and search. The content is the same for everyone, so any signed-in user may read it.
/// </summary>
internal sealed class GuidelineViews(Catalog catalog, TimeProvider clock)
{
    /// <summary>Guidelines, filtered by regions and kinds (comma-separated) and years.</summary>
    public GuidelineSummaryDto[] List(string? region, string? kind, int? yearFrom, int? yearTo)
    {
        var filter = Filter(region, kind, yearFrom, yearTo);
        return [.. catalog.Guidelines.Where(filter.Includes).Select(Summary)];
    }

    /// <summary>Guideline × IoT part over the shipped guidelines: counts and depth, all-rounders and the most detailed per group.</summary>
    public MatrixDto Matrix(string? region, string? kind, int? yearFrom, int? yearTo) =>
        Matrix(CoverageMatrix.Compute(catalog.Guidelines.Where(g => g.Origin == GuidelineOrigin.Bundled), Filter(region, kind, yearFrom, yearTo)));

    /// <summary>Full-text search over every requirement, in Japanese and English.</summary>
    public MappedRequirementDto[] Search(string q, int? limit) => [.. catalog.Search(q).Take(Math.Clamp(limit ?? 100, 1, 500)).Select(Mapped)];

    /// <summary>One guideline with its groups and every requirement.</summary>
    public GuidelineDto Detail(string id) => Detail(Find(id));

    /// <summary>One requirement, its common controls, and what every other guideline requires for them.</summary>
    public RequirementDetailDto Requirement(string id, string requirementId)
    {
        var g = Find(id);
        var r = g.Find(requirementId) ?? throw GuidelineErrors.RequirementNotFound(id, requirementId).Exception();
        return new RequirementDetailDto(Summary(g), Requirement(r), [.. r.Controls.Select(c => catalog.Controls.First(x => x.Id == c)).Select(c => ControlDetail(catalog, c))]);
    }

    /// <summary>A guideline as an OSCAL catalog in English or Japanese.</summary>
    public DownloadFile Oscal(string id, string? lang)
    {
        var g = Find(id);
        var language = lang ?? "en";
        Guard.That(language is "en" or "ja", () => CommonErrors.UnknownValue("lang", language, "en, ja"));
        var json = OscalCatalogWriter.Write(g, language, clock.GetUtcNow());
        return new DownloadFile(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"{g.Id}.{language}.oscal-catalog.json");
    }

    /// <summary>The common controls, with how many guidelines require each.</summary>
    public ControlDto[] Controls() => [.. catalog.Controls.Select(c => Control(catalog, c))];

    /// <summary>One common control and every requirement that maps to it.</summary>
    public ControlDetailDto Control(string id) =>
        catalog.Controls.FirstOrDefault(c => c.Id == id) is { } c ? ControlDetail(catalog, c) : throw GuidelineErrors.ControlNotFound(id).Exception();

    private Guideline Find(string id) => catalog.Find(id) ?? throw GuidelineErrors.NotFound(id).Exception();

    private static CoverageFilter Filter(string? region, string? kind, int? yearFrom, int? yearTo) =>
        new(ParseList<GuidelineRegion>(region, "region"), ParseList<GuidelineKind>(kind, "kind"), yearFrom, yearTo);

    private static List<T> ParseList<T>(string? text, string field) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Guard.That(Enum.TryParse<T>(item, ignoreCase: true, out var value) && Enum.IsDefined(value),
                () => CommonErrors.UnknownValue(field, item, string.Join(", ", Enum.GetNames<T>())));
            values.Add(value);
        }
        return values;
    }

    /// <summary>A guideline as the API lists it.</summary>
    public static GuidelineSummaryDto Summary(Guideline g) => new(g.Id, new(g.Name.En, g.Name.Ja), g.ShortName, g.Issuer, g.Region.ToString(), g.Year, g.Version,
        g.Kind.ToString(), g.Sector, g.Requirements.Count, g.UnverifiedCount, g.Verified,
        [.. g.Requirements.SelectMany(r => r.PartGroups).Distinct().Order().Select(x => x.ToString())], g.Origin.ToString());

    private static RequirementDto Requirement(Requirement r) => new(r.Id, r.Group, new(r.Title.En, r.Title.Ja), new(r.Summary.En, r.Summary.Ja),
        [.. r.Parts.Select(p => p.ToId())], [.. r.Phases.Select(p => p.ToString().ToLowerInvariant())], r.Level, [.. r.Levels], [.. r.Controls], r.Verified, TextDto.Of(r.Note),
        r.Parent, [.. r.Parameters.Select(p => new ParameterDto(p.Id, p.Label, [.. p.Values], [.. p.Choices], p.ChooseMany))]);

    private static GroupDto Group(RequirementGroup g) => new(g.Id, new(g.Title.En, g.Title.Ja), [.. g.Children.Select(Group)]);

    private static GuidelineDto Detail(Guideline g) => new(Summary(g), new(g.Scope.En, g.Scope.Ja), new(g.Summary.En, g.Summary.Ja), g.Source.Url,
        g.Source.Licence, g.Source.Reuse, g.Source.Reference, [.. g.Levels], g.ExpectedCount, TextDto.Of(g.Note), [.. g.Groups.Select(Group)],
        [.. g.Requirements.Select(Requirement)]);

    private static ControlDto Control(Catalog catalog, CommonControl c)
    {
        var mapped = catalog.RequirementsOf(c.Id).ToList();
        return new(c.Id, new(c.Title.En, c.Title.Ja), new(c.Description.En, c.Description.Ja), mapped.Count, mapped.Select(m => m.Guideline.Id).Distinct().Count());
    }

    private static ControlDetailDto ControlDetail(Catalog catalog, CommonControl c) =>
        new(Control(catalog, c), [.. catalog.RequirementsOf(c.Id).Select(Mapped)]);

    private static MappedRequirementDto Mapped(RequirementRef x) => new(x.Guideline.Id, x.Guideline.ShortName, x.Requirement.Id,
        new(x.Requirement.Title.En, x.Requirement.Title.Ja), x.Requirement.Level, [.. x.Requirement.Levels], x.Requirement.Verified && x.Guideline.Verified);

    private static MatrixDto Matrix(CoverageMatrix m) => new(
        [.. m.Rows.Select(r => new MatrixRowDto(r.Guideline.Id, r.Guideline.ShortName, new(r.Guideline.Name.En, r.Guideline.Name.Ja), r.Guideline.Region.ToString(),
            r.Guideline.Kind.ToString(), r.Guideline.Year, r.Guideline.Requirements.Count,
            r.Groups.ToDictionary(kv => kv.Key.ToString(), kv => new CellDto(kv.Value.Count, Math.Round(kv.Value.Depth, 3))),
            r.Parts.ToDictionary(kv => kv.Key.ToId(), kv => new CellDto(kv.Value.Count, Math.Round(kv.Value.Depth, 3))), r.CoversAllGroups))],
        [.. m.AllRounders.Select(g => g.Id)],
        Enum.GetValues<IotPartGroup>().ToDictionary(g => g.ToString(), g => m.MostDetailed(g)?.Id));
}
