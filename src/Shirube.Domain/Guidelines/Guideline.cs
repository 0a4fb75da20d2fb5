namespace Shirube.Domain.Guidelines;

/// <summary>Where a guideline applies.</summary>
public enum GuidelineRegion
{
    /// <summary>United States.</summary>
    US,
    /// <summary>European Union.</summary>
    EU,
    /// <summary>United Kingdom.</summary>
    UK,
    /// <summary>Japan.</summary>
    JP,
    /// <summary>Worldwide or international.</summary>
    Global,
}

/// <summary>What kind of document a guideline is.</summary>
public enum GuidelineKind
{
    /// <summary>A general guideline for IoT.</summary>
    General,
    /// <summary>A guide for one sector (automotive, medical, energy...).</summary>
    Sector,
    /// <summary>Law or regulation.</summary>
    Regulation,
    /// <summary>A standard.</summary>
    Standard,
}

/// <summary>A lifecycle phase a requirement belongs to.</summary>
public enum LifecyclePhase
{
    /// <summary>Policy (方針).</summary>
    Policy,
    /// <summary>Analysis (分析).</summary>
    Analysis,
    /// <summary>Design (設計).</summary>
    Design,
    /// <summary>Build and connect (構築・接続).</summary>
    Build,
    /// <summary>Operation and maintenance (運用・保守).</summary>
    Operation,
    /// <summary>Disposal (廃棄).</summary>
    Disposal,
}

/// <summary>Where a guideline comes from and how we may reuse it.</summary>
/// <param name="Url">The issuer's page.</param>
/// <param name="Licence">The source's licence.</param>
/// <param name="Reuse">What we took from it and how.</param>
/// <param name="Reference">The reference data its identifiers and counts were checked against, if any.</param>
public sealed record GuidelineSource(string Url, string Licence, string Reuse, string? Reference);

/// <summary>A grouping of requirements as the source has it: chapter, category, 指針.</summary>
/// <param name="Id">The source's identifier.</param>
/// <param name="Title">Our title.</param>
/// <param name="Children">Nested groups.</param>
public sealed record RequirementGroup(string Id, LocalizedText Title, IReadOnlyList<RequirementGroup> Children)
{
    /// <summary>This group and every group below it.</summary>
    public IEnumerable<RequirementGroup> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>A parameter of a requirement (an OSCAL control's param): a value the adopter chooses.</summary>
/// <param name="Id">Parameter id, e.g. "ac-01_odp.01".</param>
/// <param name="Label">What to fill in.</param>
/// <param name="Values">Set values, if any.</param>
/// <param name="Choices">Allowed choices, for a selection.</param>
/// <param name="ChooseMany">True when several choices may be taken ("one-or-more").</param>
public sealed record RequirementParameter(string Id, string? Label, IReadOnlyList<string> Values, IReadOnlyList<string> Choices, bool ChooseMany);

/// <summary>A piece of a requirement's text as the source structures it (OSCAL parts: statement, item, guidance...).</summary>
/// <param name="Name">Kind of part, e.g. "statement", "item", "guidance".</param>
/// <param name="Id">Its id, if any.</param>
/// <param name="Label">Its label, e.g. "a.".</param>
/// <param name="Prose">Its text.</param>
/// <param name="Children">Nested parts.</param>
public sealed record TextPart(string Name, string? Id, string? Label, string? Prose, IReadOnlyList<TextPart> Children);

/// <summary>Where a guideline in the catalog comes from.</summary>
public enum GuidelineOrigin
{
    /// <summary>Shipped with Shirube, written in our own words.</summary>
    Bundled,
    /// <summary>Imported by a user, e.g. from an OSCAL catalog; its text is the source's.</summary>
    Imported,
}

/// <summary>One requirement of a guideline, tagged with the IoT parts and phases it concerns.</summary>
public sealed record Requirement
{
    /// <summary>The identifier as the source numbers it, e.g. "5.1-1".</summary>
    public required string Id { get; init; }
    /// <summary>The id of its group, if the source groups requirements.</summary>
    public string? Group { get; init; }
    /// <summary>Our title.</summary>
    public required LocalizedText Title { get; init; }
    /// <summary>Our summary of what it asks.</summary>
    public required LocalizedText Summary { get; init; }
    /// <summary>The IoT parts it concerns.</summary>
    public required IReadOnlyList<IotPart> Parts { get; init; }
    /// <summary>The lifecycle phases it belongs to.</summary>
    public required IReadOnlyList<LifecyclePhase> Phases { get; init; }
    /// <summary>The source's own level (ETSI M/R/C, GSMA priority), if any.</summary>
    public string? Level { get; init; }
    /// <summary>Several levels at once, for sources that flag them per item (ISVS L1–L3).</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];
    /// <summary>The common controls it links to.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];
    /// <summary>False where the reference marks it VERIFY and it could not be checked.</summary>
    public bool Verified { get; init; } = true;
    /// <summary>What could not be verified, or other remarks.</summary>
    public LocalizedText? Note { get; init; }
    /// <summary>The requirement this one enhances or refines (OSCAL control enhancements), if any.</summary>
    public string? Parent { get; init; }
    /// <summary>Parameters the adopter fills in (OSCAL params).</summary>
    public IReadOnlyList<RequirementParameter> Parameters { get; init; } = [];
    /// <summary>The source's structured text (OSCAL parts), for imported guidelines.</summary>
    public IReadOnlyList<TextPart> Text { get; init; } = [];

    /// <summary>The four groups its parts fall in.</summary>
    public IEnumerable<IotPartGroup> PartGroups => Parts.Select(IotParts.GroupOf).Distinct();
}

/// <summary>An IoT security guideline with its complete requirement list.</summary>
public sealed record Guideline
{
    /// <summary>Catalog id, e.g. "etsi-en-303-645".</summary>
    public required string Id { get; init; }
    /// <summary>Full name.</summary>
    public required LocalizedText Name { get; init; }
    /// <summary>A short label for table columns.</summary>
    public required string ShortName { get; init; }
    /// <summary>Who publishes it.</summary>
    public required string Issuer { get; init; }
    /// <summary>Where it applies.</summary>
    public required GuidelineRegion Region { get; init; }
    /// <summary>Year of the version catalogued.</summary>
    public required int Year { get; init; }
    /// <summary>Version, if the source has one.</summary>
    public string? Version { get; init; }
    /// <summary>General, sector, regulation or standard.</summary>
    public required GuidelineKind Kind { get; init; }
    /// <summary>The sector, for sector guides.</summary>
    public string? Sector { get; init; }
    /// <summary>What it covers, in our words.</summary>
    public required LocalizedText Scope { get; init; }
    /// <summary>What it says, in our words.</summary>
    public required LocalizedText Summary { get; init; }
    /// <summary>Source and licence.</summary>
    public required GuidelineSource Source { get; init; }
    /// <summary>The source's level vocabulary, e.g. M, R, C.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];
    /// <summary>How many requirements the source has.</summary>
    public required int ExpectedCount { get; init; }
    /// <summary>False when the guideline as a whole could not be checked against its source.</summary>
    public bool Verified { get; init; } = true;
    /// <summary>Remarks, e.g. what is unverified.</summary>
    public LocalizedText? Note { get; init; }
    /// <summary>The grouping tree.</summary>
    public IReadOnlyList<RequirementGroup> Groups { get; init; } = [];
    /// <summary>Every requirement, in source order (enhancements follow their parent).</summary>
    public required IReadOnlyList<Requirement> Requirements { get; init; }
    /// <summary>Bundled content or a user's import.</summary>
    public GuidelineOrigin Origin { get; init; } = GuidelineOrigin.Bundled;

    /// <summary>Requirements marked unverified, or all when the guideline is unverified as a whole.</summary>
    public int UnverifiedCount => Requirements.Count(r => !r.Verified || !Verified);

    /// <summary>Finds a requirement by id.</summary>
    public Requirement? Find(string requirementId) => Requirements.FirstOrDefault(r => r.Id == requirementId);
}

/// <summary>A measure that requirements of many guidelines ask for: the pivot of the crosswalk.</summary>
/// <param name="Id">Slug, e.g. "no-default-passwords".</param>
/// <param name="Title">Title.</param>
/// <param name="Description">What it means.</param>
public sealed record CommonControl(string Id, LocalizedText Title, LocalizedText Description);
