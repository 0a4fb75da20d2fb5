using Shirube.Domain.Baselines;
using Shirube.Domain.Cases;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Incidents;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;

namespace Shirube.Domain.Portfolio;

/// <summary>
/// What the example portfolio tells beyond its products: the guidelines each product accepted, the baselines and the
/// assessments of two versions per product, and the PSIRT's cases, incident, self-assessment, stakeholders and
/// training. Products are named by <see cref="ProductSeed.Name"/>, versions by their name; times count back from the
/// moment the example is loaded, so that the story is always recent.
/// </summary>
public sealed record StorySeed
{
    /// <summary>One entry per product that has a story.</summary>
    public IReadOnlyList<ProductStory> Products { get; init; } = [];
    /// <summary>Vulnerability cases.</summary>
    public IReadOnlyList<CaseSeed> Cases { get; init; } = [];
    /// <summary>Incidents.</summary>
    public IReadOnlyList<IncidentSeed> Incidents { get; init; } = [];
    /// <summary>A completed FIRST PSIRT maturity self-assessment, if any.</summary>
    public MaturitySeed? Maturity { get; init; }
    /// <summary>Stakeholders.</summary>
    public IReadOnlyList<StakeholderSeed> Stakeholders { get; init; } = [];
    /// <summary>Training courses.</summary>
    public IReadOnlyList<CourseSeed> Courses { get; init; } = [];
}

/// <summary>One product's story: the guidelines it accepted, its baseline's changes and its assessments.</summary>
/// <param name="Product">The product's name.</param>
/// <param name="Guidelines">The accepted guideline set (catalog ids); its field's company baseline is built from them.</param>
public sealed record ProductStory(string Product, IReadOnlyList<string> Guidelines)
{
    /// <summary>Lines the product baseline leaves out, with the reason.</summary>
    public IReadOnlyList<ExclusionSeed> Exclusions { get; init; } = [];
    /// <summary>Top-down decisions on common controls.</summary>
    public IReadOnlyList<DecisionSeed> Decisions { get; init; } = [];
    /// <summary>Completed assessments against the published product baseline, oldest first.</summary>
    public IReadOnlyList<AssessmentSeed> Assessments { get; init; } = [];
}

/// <summary>A baseline line left out.</summary>
/// <param name="Key">The line, "guideline/requirement".</param>
/// <param name="Reason">Why.</param>
public sealed record ExclusionSeed(string Key, LocalizedText Reason);

/// <summary>A top-down decision: is a common control needed (要) or not (不要), and why.</summary>
/// <param name="Control">The common control's id.</param>
/// <param name="Needed">要 (true) or 不要 (false).</param>
/// <param name="Reason">Why.</param>
public sealed record DecisionSeed(string Control, bool Needed, LocalizedText Reason);

/// <summary>
/// A completed assessment of one product version. Every line of a level up to <see cref="MetThrough"/> is met; of the
/// others, the share <see cref="Implemented"/> gives for the line's IoT part group is implemented, in a pattern that
/// depends only on the product and the line, so that a version with higher shares keeps every line the older one met.
/// </summary>
/// <param name="Version">The product version assessed.</param>
/// <param name="DaysAgo">When it was started, in days before the example is loaded.</param>
/// <param name="MetThrough">The strictest levels met in full (MUST, or MUST and SHOULD, or all), or null.</param>
/// <param name="Implemented">Per part group, the share of the remaining lines implemented (0 to 1).</param>
public sealed record AssessmentSeed(string Version, int DaysAgo, RequirementLevel? MetThrough, IReadOnlyDictionary<IotPartGroup, double> Implemented);

/// <summary>One step of a case's workflow.</summary>
/// <param name="State">The state it moves to.</param>
/// <param name="HoursAfterReceipt">When, in hours after the report came in.</param>
/// <param name="Reason">The reason (needed for rejection and duplicate), if any.</param>
public sealed record CaseStepSeed(CaseState State, double HoursAfterReceipt, LocalizedText? Reason = null);

/// <summary>A comment on a case.</summary>
/// <param name="HoursAfterReceipt">When, in hours after the report came in.</param>
/// <param name="Text">What it says.</param>
/// <param name="Shared">True when the reporter sees it.</param>
public sealed record CaseCommentSeed(double HoursAfterReceipt, LocalizedText Text, bool Shared);

/// <summary>A vulnerability case, from the report to the state its last step reaches.</summary>
/// <param name="Number">Its number; the example's numbers stay out of the yearly PSIRT-yyyy-nnnn count.</param>
/// <param name="Product">The product's name.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">What the reporter wrote.</param>
public sealed record CaseSeed(string Number, string Product, LocalizedText Title, LocalizedText Description)
{
    /// <summary>The affected versions (assigned when the case reaches analysis).</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];
    /// <summary>The reporter's e-mail address.</summary>
    public string? ReporterEmail { get; init; }
    /// <summary>When the report came in, in days before the example is loaded.</summary>
    public double ReceivedDaysAgo { get; init; }
    /// <summary>The workflow steps after the report, in order.</summary>
    public IReadOnlyList<CaseStepSeed> Steps { get; init; } = [];
    /// <summary>CWE id.</summary>
    public string? Cwe { get; init; }
    /// <summary>Root cause.</summary>
    public LocalizedText? RootCause { get; init; }
    /// <summary>CVSS vector (the reporter's estimate until the case is analysed).</summary>
    public string? Cvss { get; init; }
    /// <summary>Fix, release plan and workarounds.</summary>
    public LocalizedText? Plan { get; init; }
    /// <summary>The planned release of the fix, in days after the example is loaded (negative: in the past).</summary>
    public int? PlannedReleaseInDays { get; init; }
    /// <summary>How the reporter is credited.</summary>
    public string? Credit { get; init; }
    /// <summary>When the PSIRT learnt that it is actively exploited, in hours before the example is loaded.</summary>
    public double? ExploitedHoursAgo { get; init; }
    /// <summary>CRA reports already sent, with when (hours before the example is loaded).</summary>
    public IReadOnlyDictionary<CraReportKind, double> ReportsSentHoursAgo { get; init; } = new Dictionary<CraReportKind, double>();
    /// <summary>Comments.</summary>
    public IReadOnlyList<CaseCommentSeed> Comments { get; init; } = [];
}

/// <summary>An entry of an incident's timeline.</summary>
/// <param name="HoursAgo">When, in hours before the example is loaded.</param>
/// <param name="Kind">What kind of entry.</param>
/// <param name="Text">What happened.</param>
public sealed record TimelineSeed(double HoursAgo, TimelineKind Kind, LocalizedText Text);

/// <summary>A notification sent about an incident.</summary>
/// <param name="HoursAgo">When, in hours before the example is loaded.</param>
/// <param name="Group">Who.</param>
/// <param name="Recipient">Exactly whom.</param>
/// <param name="Channel">How.</param>
/// <param name="Note">What was said, if noted.</param>
public sealed record NotificationSeed(double HoursAgo, StakeholderGroup Group, LocalizedText Recipient, NotificationChannel Channel, LocalizedText? Note = null);

/// <summary>A step of an incident.</summary>
/// <param name="State">The state it moves to.</param>
/// <param name="HoursAgo">When, in hours before the example is loaded.</param>
public sealed record IncidentStepSeed(IncidentState State, double HoursAgo);

/// <summary>An incident with its timeline, notifications and public statements.</summary>
/// <param name="Number">Its number; the example's numbers stay out of the yearly INC-yyyy-nnn count.</param>
/// <param name="Title">Title.</param>
/// <param name="Summary">What happened.</param>
/// <param name="Severity">How bad.</param>
public sealed record IncidentSeed(string Number, LocalizedText Title, LocalizedText Summary, IncidentSeverity Severity)
{
    /// <summary>The product's name, if any.</summary>
    public string? Product { get; init; }
    /// <summary>The affected versions.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];
    /// <summary>The number of the case behind it, if any.</summary>
    public string? Case { get; init; }
    /// <summary>What users should do.</summary>
    public LocalizedText? UserAction { get; init; }
    /// <summary>When it was detected, in hours before the example is loaded.</summary>
    public double DetectedHoursAgo { get; init; }
    /// <summary>When the PSIRT became aware of it (and opened it), in hours before the example is loaded.</summary>
    public double AwareHoursAgo { get; init; }
    /// <summary>Flagged severe (EU CRA Art. 14(3)).</summary>
    public bool Severe { get; init; }
    /// <summary>Timeline entries.</summary>
    public IReadOnlyList<TimelineSeed> Timeline { get; init; } = [];
    /// <summary>Notifications sent.</summary>
    public IReadOnlyList<NotificationSeed> Notifications { get; init; } = [];
    /// <summary>Steps after opening, in order.</summary>
    public IReadOnlyList<IncidentStepSeed> Steps { get; init; } = [];
    /// <summary>The public statement in both languages, if written.</summary>
    public LocalizedText? Statement { get; init; }
    /// <summary>The languages ("ja", "en") whose statement is approved.</summary>
    public IReadOnlyList<string> ApprovedStatements { get; init; } = [];
}

/// <summary>The answer for one service of the FIRST PSIRT Services Framework.</summary>
/// <param name="Service">The service, "1.1" … "6.5".</param>
/// <param name="Practice">Whether the company performs it.</param>
/// <param name="Level">The maturity level the team believes it reaches.</param>
/// <param name="Owner">The department that owns it.</param>
/// <param name="Evidence">Evidence notes.</param>
public sealed record MaturityAnswerSeed(string Service, ServicePractice Practice, MaturityLevel? Level = null, LocalizedText? Owner = null, LocalizedText? Evidence = null);

/// <summary>A completed maturity self-assessment.</summary>
/// <param name="Title">What it is.</param>
/// <param name="AssessedBy">Who did it.</param>
/// <param name="DaysAgo">The day it describes, in days before the example is loaded.</param>
/// <param name="Answers">One answer per service.</param>
public sealed record MaturitySeed(LocalizedText Title, LocalizedText AssessedBy, int DaysAgo, IReadOnlyList<MaturityAnswerSeed> Answers);

/// <summary>A stakeholder.</summary>
/// <param name="Kind">What kind.</param>
/// <param name="Name">Its names.</param>
public sealed record StakeholderSeed(StakeholderKind Kind, LocalizedText Name)
{
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }
    /// <summary>Home or contact page.</summary>
    public string? WebPage { get; init; }
    /// <summary>Preferred language tag.</summary>
    public string? PreferredLanguage { get; init; }
    /// <summary>Notes.</summary>
    public LocalizedText? Notes { get; init; }
    /// <summary>A supplier's package keys.</summary>
    public IReadOnlyList<string> PurlKeys { get; init; } = [];
    /// <summary>A supplier's CPE vendors.</summary>
    public IReadOnlyList<string> CpeVendors { get; init; } = [];
    /// <summary>The products a customer uses, by name.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
}

/// <summary>An assignment of a course to the holders of a role.</summary>
/// <param name="Role">The application role.</param>
/// <param name="DueInDays">The due day, in days after the example is loaded.</param>
public sealed record AssignmentSeed(string Role, int DueInDays);

/// <summary>A training course and its assignments.</summary>
/// <param name="Title">Title.</param>
public sealed record CourseSeed(LocalizedText Title)
{
    /// <summary>What it teaches.</summary>
    public LocalizedText? Description { get; init; }
    /// <summary>Who it is for.</summary>
    public LocalizedText? Audience { get; init; }
    /// <summary>Length in minutes.</summary>
    public int? DurationMinutes { get; init; }
    /// <summary>Months a completion stays valid.</summary>
    public int? ValidityMonths { get; init; }
    /// <summary>The FIRST PSIRT service it serves.</summary>
    public string? FirstService { get; init; }
    /// <summary>Assignments to roles.</summary>
    public IReadOnlyList<AssignmentSeed> Assignments { get; init; } = [];
}
