using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Guidelines;

public class CatalogFindingsTests
{
    private static readonly CommonControl Authentication = new("authentication", new("a", "a"), new("a", "a"));

    private static Requirement R(string id) => new()
    {
        Id = id,
        Group = "g",
        Title = new("t", "t"),
        Summary = new("s", "s"),
        Parts = [IotPart.Device],
        Phases = [LifecyclePhase.Design],
        Level = "M",
        Controls = ["authentication"],
    };

    private static Guideline G(params Requirement[] requirements) => new()
    {
        Id = "guide",
        Name = new("guide", "guide"),
        ShortName = "guide",
        Issuer = "x",
        Region = GuidelineRegion.Global,
        Year = 2024,
        Kind = GuidelineKind.General,
        Scope = new("s", "s"),
        Summary = new("s", "s"),
        Source = new("https://example.org", "CC0", "ours", null),
        Levels = ["M", "R"],
        ExpectedCount = requirements.Length,
        Groups = [new RequirementGroup("g", new("g", "g"), [])],
        Requirements = requirements,
    };

    /// <summary>A catalog of one guideline with one fault, and the finding it should give.</summary>
    public sealed record FindingCase(string Fault, Func<Catalog> Make, CatalogProblem Problem, string? Guideline, string? Where, string Message)
    {
        public override string ToString() => $"{Fault} is {Problem} at {Guideline ?? "(controls)"} {Where ?? "(whole)"}";
    }

    private static Catalog One(Guideline g) => new([g], [Authentication]);

    public static TheoryData<FindingCase> Cases => new(
        new FindingCase("a second common control of the same id", () => new Catalog([G(R("1"))], [Authentication, Authentication]),
            CatalogProblem.DuplicateControl, null, "authentication", "common controls: 'authentication' appears twice."),
        new FindingCase("a second guideline of the same id", () => new Catalog([G(R("1")), G(R("1"))], [Authentication]),
            CatalogProblem.DuplicateGuideline, "guide", null, "guide: the guideline id appears twice."),
        new FindingCase("one requirement fewer than the source", () => One(G(R("1")) with { ExpectedCount = 2 }),
            CatalogProblem.CountMismatch, "guide", null, "guide: 1 requirements, but the source has 2."),
        new FindingCase("a group listed twice", () => One(G(R("1")) with { Groups = [new("g", new("g", "g"), []), new("g", new("g", "g"), [])] }),
            CatalogProblem.DuplicateGroup, "guide", "g", "guide: group 'g' appears twice."),
        new FindingCase("a requirement listed twice", () => One(G(R("1"), R("1"))),
            CatalogProblem.DuplicateRequirement, "guide", "1", "guide: requirement '1' appears twice."),
        new FindingCase("a requirement in a group that does not exist", () => One(G(R("1") with { Group = "h" })),
            CatalogProblem.UnknownGroup, "guide", "1", "guide 1: no group 'h'."),
        new FindingCase("a link to a control that does not exist", () => One(G(R("1") with { Controls = ["authentication", "nothing"] })),
            CatalogProblem.UnknownControl, "guide", "1", "guide 1: no common control 'nothing'."),
        new FindingCase("a level outside the guideline's levels", () => One(G(R("1") with { Level = "X" })),
            CatalogProblem.UnknownLevel, "guide", "1", "guide 1: level 'X' is not one of the guideline's levels (M, R)."),
        new FindingCase("a requirement with no IoT part", () => One(G(R("1") with { Parts = [] })),
            CatalogProblem.NoPart, "guide", "1", "guide 1: no IoT part."),
        new FindingCase("a verified requirement linked to no control", () => One(G(R("1") with { Controls = [] })),
            CatalogProblem.NoControl, "guide", "1", "guide 1: links to no common control."),
        new FindingCase("an enhancement of a requirement that does not exist", () => One(G(R("1") with { Parent = "0" })),
            CatalogProblem.UnknownParent, "guide", "1", "guide 1: no parent requirement '0'."));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_catalog_with_one_fault_gives_one_finding_naming_its_kind_and_place(FindingCase c)
    {
        var catalog = c.Make();

        var finding = Assert.Single(catalog.Findings());

        Assert.Equal(new CatalogFinding(c.Problem, c.Guideline, c.Where, c.Message), finding);
        Assert.Equal([c.Message], catalog.Validate());
    }

    [Fact]
    public void An_unverified_requirement_may_link_to_no_control()
    {
        Assert.Empty(One(G(R("1") with { Controls = [], Verified = false })).Findings());
    }
}
