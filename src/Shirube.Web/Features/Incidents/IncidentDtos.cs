using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Incidents;

internal sealed record IncidentRequest(string? Title, string? Summary, string? UserAction, string? Severity, DateTime? DetectedAt, DateTime? BecameAwareAt,
    Guid? ProductId, Guid[]? AffectedVersions, Guid? CaseId);

internal sealed record IncidentSummaryDto(Guid Id, string Number, string Title, string Severity, string State, bool Severe, DateTime BecameAwareAt,
    Guid? ProductId, string? Product, Guid? BusinessUnitId);

internal sealed record TimelineDto(Guid Id, DateTime At, string Kind, string Text, string By);

internal sealed record NotificationDto(Guid Id, string Group, string Recipient, string Channel, DateTime SentAt, string By, string? Note);

internal sealed record NotificationDueDto(string Group, int TargetHours, DateTime DueAt, DateTime? NotifiedAt, string Status);

internal sealed record StatementDto(string Language, string Text, bool Saved, string Status, string? EditedBy, DateTime? EditedAt, string? ApprovedBy, DateTime? ApprovedAt, string Generated);

internal sealed record IncidentCraDto(bool Applies, bool EuMarket, bool Severe, DateTime BecameAwareAt, DeadlineDto[] Deadlines);

internal sealed record IncidentDto(Guid Id, string Number, string Title, string Summary, string? UserAction, Guid? CaseId, string? CaseNumber,
    Guid? ProductId, string? Product, Guid? BusinessUnitId, Guid[] AffectedVersions, string[] AffectedVersionNames, DateTime DetectedAt, DateTime BecameAwareAt,
    string Severity, string State, string? Next, bool Severe, string OpenedBy, DateTime OpenedAt, TransitionDto[] Transitions, TimelineDto[] Timeline,
    NotificationDto[] Notifications, NotificationDueDto[] Matrix, StatementDto[] Statements, IncidentCraDto Cra);

internal sealed record IncidentCraDraftDto(string Kind, string Number, string? Product, string[] AffectedVersions, string Title, string Summary, string Severity,
    DateTime DetectedAt, DateTime BecameAwareAt, string? CaseNumber, string? MeasuresForUsers, TimelineDto[] Timeline, DateTime? NotificationSentAt, string State);

internal sealed record RuleDto(string Severity, string Group, int TargetHours);

internal sealed record IncidentTransitionRequest(string? To, string? Reason);

internal sealed record TimelineRequest(DateTime? At, string? Kind, string? Text);

internal sealed record NotificationRequest(string? Group, string? Recipient, string? Channel, DateTime? SentAt, string? Note);

internal sealed record StatementRequest(string? Text);

internal sealed record SevereRequest(bool Severe);

/// <summary>A product an incident may concern, for a page's choice.</summary>
internal sealed record ProductChoiceDto(Guid Id, string Name);
