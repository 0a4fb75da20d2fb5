using Shirube.Domain.Baselines;
using Shirube.Domain.Cases;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Incidents;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;

namespace Shirube.Formats.Portfolio.Dto;

internal sealed record StoryDocumentDto(
    IReadOnlyList<ProductStoryDto> Products,
    IReadOnlyList<CaseDto>? Cases = null,
    IReadOnlyList<IncidentDto>? Incidents = null,
    MaturityDto? Maturity = null,
    IReadOnlyList<StakeholderDto>? Stakeholders = null,
    IReadOnlyList<CourseDto>? Courses = null);

internal sealed record TextDto(string Ja, string En);

internal sealed record ProductStoryDto(string Product, IReadOnlyList<string> Guidelines,
    IReadOnlyList<ExclusionDto>? Exclusions = null, IReadOnlyList<DecisionDto>? Decisions = null, IReadOnlyList<AssessmentDto>? Assessments = null);

internal sealed record ExclusionDto(string Key, TextDto Reason);

internal sealed record DecisionDto(string Control, bool Needed, TextDto Reason);

internal sealed record AssessmentDto(string Version, int DaysAgo, RequirementLevel? MetThrough, IReadOnlyDictionary<IotPartGroup, double> Implemented);

internal sealed record CaseStepDto(CaseState State, double Hours, TextDto? Reason = null);

internal sealed record CaseCommentDto(double Hours, TextDto Text, bool Shared);

internal sealed record CaseDto(string Number, string Product, TextDto Title, TextDto Description, double ReceivedDaysAgo,
    IReadOnlyList<CaseStepDto>? Steps = null, IReadOnlyList<string>? Versions = null, string? ReporterEmail = null,
    string? Cwe = null, TextDto? RootCause = null, string? Cvss = null, TextDto? Plan = null, int? PlannedReleaseInDays = null, string? Credit = null,
    double? ExploitedHoursAgo = null, IReadOnlyDictionary<CraReportKind, double>? ReportsSentHoursAgo = null, IReadOnlyList<CaseCommentDto>? Comments = null);

internal sealed record TimelineDto(double HoursAgo, TimelineKind Kind, TextDto Text);

internal sealed record NotificationDto(double HoursAgo, StakeholderGroup Group, TextDto Recipient, NotificationChannel Channel, TextDto? Note = null);

internal sealed record IncidentStepDto(IncidentState State, double HoursAgo);

internal sealed record IncidentDto(string Number, TextDto Title, TextDto Summary, IncidentSeverity Severity, double DetectedHoursAgo, double AwareHoursAgo,
    string? Product = null, IReadOnlyList<string>? Versions = null, string? Case = null, TextDto? UserAction = null, bool Severe = false,
    IReadOnlyList<TimelineDto>? Timeline = null, IReadOnlyList<NotificationDto>? Notifications = null, IReadOnlyList<IncidentStepDto>? Steps = null,
    TextDto? Statement = null, IReadOnlyList<string>? ApprovedStatements = null);

internal sealed record MaturityAnswerDto(string Service, ServicePractice Practice, MaturityLevel? Level = null, TextDto? Owner = null, TextDto? Evidence = null);

internal sealed record MaturityDto(TextDto Title, TextDto AssessedBy, int DaysAgo, IReadOnlyList<MaturityAnswerDto> Answers);

internal sealed record StakeholderDto(StakeholderKind Kind, TextDto Name, string? Email = null, string? Phone = null, string? WebPage = null,
    string? PreferredLanguage = null, TextDto? Notes = null, IReadOnlyList<string>? PurlKeys = null, IReadOnlyList<string>? CpeVendors = null,
    IReadOnlyList<string>? Products = null);

internal sealed record AssignmentDto(string Role, int DueInDays);

internal sealed record CourseDto(TextDto Title, TextDto? Description = null, TextDto? Audience = null, int? DurationMinutes = null, int? ValidityMonths = null,
    string? FirstService = null, IReadOnlyList<AssignmentDto>? Assignments = null);
