using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Exports;

/// <summary>
/// Everything an export of a baseline (and, optionally, of an assessment against it) needs, resolved from the
/// database and the catalog: the exporters in this folder read only this, never the database.
/// </summary>
/// <param name="Id">The baseline's id.</param>
/// <param name="Name">The baseline's name.</param>
/// <param name="Version">The published version (0 for a draft).</param>
/// <param name="PublishedAt">When that version was published (UTC), if it was.</param>
/// <param name="Organisation">Who issues the guideline (the business unit's name, or the company).</param>
/// <param name="Product">The product, or null for a company baseline of a field.</param>
/// <param name="Field">The product field (分野).</param>
/// <param name="Parts">The IoT parts in scope.</param>
/// <param name="Guidelines">The source guidelines the lines come from.</param>
/// <param name="Lines">Every line, included and excluded, in baseline order.</param>
/// <param name="Assessment">The assessment exported with it, if any.</param>
public sealed record BaselineDocument(
    Guid Id,
    string Name,
    int Version,
    DateTime? PublishedAt,
    string Organisation,
    ProductInfo? Product,
    string Field,
    IReadOnlyList<IotPart> Parts,
    IReadOnlyList<SourceGuideline> Guidelines,
    IReadOnlyList<BaselineLine> Lines,
    AssessmentInfo? Assessment);

/// <summary>The product a baseline is for.</summary>
/// <param name="Id">Product id.</param>
/// <param name="Name">Product name.</param>
/// <param name="Sector">Sector, if any.</param>
/// <param name="Markets">Target markets.</param>
/// <param name="RiskClass">Risk class, if assessed.</param>
/// <param name="RequiredLevel">The level the product must reach.</param>
public sealed record ProductInfo(Guid Id, string Name, string? Sector, IReadOnlyList<string> Markets, int? RiskClass, RequirementLevel RequiredLevel);

/// <summary>A source guideline: id, short name, title in both languages, and the file name its OSCAL catalog is exported under.</summary>
/// <param name="Id">Catalog id, e.g. etsi-en-303-645.</param>
/// <param name="ShortName">Short name, e.g. "ETSI EN 303 645".</param>
/// <param name="Title">Title in ja and en.</param>
/// <param name="Version">The guideline's version.</param>
public sealed record SourceGuideline(string Id, string ShortName, LocalizedText Title, string Version);

/// <summary>One line of the baseline as exported.</summary>
/// <param name="Key">"guideline/requirement" or "own/OWN-n".</param>
/// <param name="GuidelineId">The source guideline, null for our own requirement.</param>
/// <param name="RequirementId">The requirement's id in its source (or OWN-n).</param>
/// <param name="Title">The title in both languages (the rewording where there is one).</param>
/// <param name="Summary">The summary in both languages, if any.</param>
/// <param name="Parts">The IoT parts the requirement concerns.</param>
/// <param name="Level">MUST, SHOULD or BETTER.</param>
/// <param name="Excluded">True when left out.</param>
/// <param name="ExclusionReason">Why it is left out.</param>
/// <param name="Result">The assessment of this line, if an assessment is exported.</param>
public sealed record BaselineLine(
    string Key,
    string? GuidelineId,
    string RequirementId,
    LocalizedText Title,
    LocalizedText? Summary,
    IReadOnlyList<IotPart> Parts,
    RequirementLevel Level,
    bool Excluded,
    string? ExclusionReason,
    LineResult? Result);

/// <summary>The assessment of one line.</summary>
/// <param name="Status">Implemented, partial, not implemented or not applicable.</param>
/// <param name="Justification">Why (required for not applicable).</param>
/// <param name="Evidence">Evidence as text.</param>
/// <param name="Links">Evidence links.</param>
/// <param name="Files">Names of uploaded evidence files.</param>
/// <param name="Assessor">Who assessed it.</param>
/// <param name="AssessedOn">When.</param>
public sealed record LineResult(
    ImplementationStatus Status,
    string? Justification,
    string? Evidence,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Files,
    string Assessor,
    DateOnly AssessedOn);

/// <summary>The assessment exported with a baseline.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="ProductVersion">The product version assessed.</param>
/// <param name="Started">When it started (UTC).</param>
/// <param name="Completed">When it was completed (UTC), if it was.</param>
/// <param name="ActualLevel">The highest level whose requirements are all met, or null when not even MUST is met.</param>
/// <param name="Shares">Share met (0..1) per level, over the lines that apply.</param>
/// <param name="PartShares">Share met (0..1) per IoT part group of the lines up to the required level; charted when given.</param>
/// <param name="History">The product's completed assessments, oldest first, this one included; charted when given.</param>
public sealed record AssessmentInfo(
    Guid Id,
    string ProductVersion,
    DateTime Started,
    DateTime? Completed,
    RequirementLevel? ActualLevel,
    IReadOnlyDictionary<RequirementLevel, double> Shares,
    IReadOnlyDictionary<IotPartGroup, double>? PartShares = null,
    IReadOnlyList<HistoryEntry>? History = null);

/// <summary>One completed assessment in a product's history.</summary>
/// <param name="ProductVersion">The product version assessed.</param>
/// <param name="Completed">When it was completed (UTC).</param>
/// <param name="Shares">Share met (0..1) per level.</param>
public sealed record HistoryEntry(string ProductVersion, DateTime Completed, IReadOnlyDictionary<RequirementLevel, double> Shares);
