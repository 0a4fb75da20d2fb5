namespace Shirube.Domain.Psirt;

/// <summary>A service area of the FIRST PSIRT Services Framework 1.1.</summary>
/// <param name="Id">Area id, SA1 to SA6.</param>
/// <param name="Number">The number services of the area start with (1 to 6).</param>
/// <param name="OfficialName">The framework's own name of the area.</param>
public sealed record FirstServiceArea(string Id, int Number, string OfficialName);

/// <summary>A service of the FIRST PSIRT Services Framework 1.1.</summary>
/// <param name="Id">Service id, e.g. "2.1".</param>
/// <param name="AreaId">The area it belongs to, e.g. "SA2".</param>
/// <param name="OfficialName">The framework's own name of the service.</param>
/// <param name="Verify">
/// Set where our reference list records a correction of the name (the name shown is the corrected one, to be checked
/// against the framework once more); null where the name was confirmed.
/// </param>
public sealed record FirstService(string Id, string AreaId, string OfficialName, string? Verify = null);

/// <summary>
/// The six service areas and the services of the FIRST PSIRT Services Framework 1.1, as facts: ids and official
/// names (from shared/reference/guidelines/first-psirt-services-framework-1.1.tsv). Explanations shown with them are
/// Shirube's own words and live in the UI resources.
/// </summary>
public static class FirstServices
{
    /// <summary>The framework's version.</summary>
    public const string FrameworkVersion = "1.1";

    /// <summary>The six service areas, in order.</summary>
    public static IReadOnlyList<FirstServiceArea> Areas { get; } =
    [
        new("SA1", 1, "Stakeholder Ecosystem Management"),
        new("SA2", 2, "Vulnerability Discovery"),
        new("SA3", 3, "Vulnerability Triage and Analysis"),
        new("SA4", 4, "Remediation"),
        new("SA5", 5, "Vulnerability Disclosure"),
        new("SA6", 6, "Training and Education"),
    ];

    /// <summary>The services, in framework order.</summary>
    public static IReadOnlyList<FirstService> Services { get; } =
    [
        new("1.1", "SA1", "Internal Stakeholder Management"),
        new("1.2", "SA1", "Finder Community Engagement", Corrected("Finders Community Engagement")),
        new("1.3", "SA1", "Community and Organizational Engagement"),
        new("1.4", "SA1", "Downstream Stakeholder Management"),
        new("1.5", "SA1", "Incident Communications Coordination within the Organization"),
        new("1.6", "SA1", "Reward Finders with Recognition & Acknowledgement", Corrected("Reward Finders (recognition/bounty)")),
        new("1.7", "SA1", "Stakeholder Metrics"),
        new("2.1", "SA2", "Intake of Vulnerability Reporting"),
        new("2.2", "SA2", "Identify Unreported Vulnerabilities"),
        new("2.3", "SA2", "Monitoring for Product Component Vulnerabilities"),
        new("2.4", "SA2", "Identifying New Vulnerabilities"),
        new("2.5", "SA2", "Vulnerability Discovery Metrics"),
        new("3.1", "SA3", "Vulnerability Qualification"),
        new("3.2", "SA3", "Established Finders"),
        new("3.3", "SA3", "Vulnerability Reproduction"),
        new("4.1", "SA4", "Remedy Release Management Plan", Corrected("Security Patch Release Management Plan")),
        new("4.2", "SA4", "Remediation"),
        new("4.3", "SA4", "Incident Handling"),
        new("4.4", "SA4", "Vulnerability Release Metrics"),
        new("5.1", "SA5", "Notification"),
        new("5.2", "SA5", "Coordination"),
        new("5.3", "SA5", "Disclosure"),
        new("5.4", "SA5", "Vulnerability Metrics", Corrected("Vulnerability Disclosure Metrics")),
        new("6.1", "SA6", "Training the PSIRT"),
        new("6.2", "SA6", "Training the Development Team"),
        new("6.3", "SA6", "Training the Validation Team"),
        new("6.4", "SA6", "Continuing Education for all Stakeholders"),
        new("6.5", "SA6", "Provide Feedback Mechanisms", Corrected("Provide Feedback Mechanism")),
    ];

    /// <summary>The service with <paramref name="id"/>, or null.</summary>
    public static FirstService? Find(string? id) => Services.FirstOrDefault(s => s.Id == id);

    private static string Corrected(string earlier) => $"Name corrected from \"{earlier}\"; verify against the framework.";
}
