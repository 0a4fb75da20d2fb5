namespace Shirube.Domain.Incidents;

/// <summary>How bad an incident is; decides who must hear of it and how fast (the notification matrix).</summary>
public enum IncidentSeverity
{
    /// <summary>Limited effect, no customer data or safety at stake; handled in normal working order.</summary>
    Low,
    /// <summary>Some customers or functions affected, a workaround exists; needs a plan within days.</summary>
    Moderate,
    /// <summary>Many customers, personal data or important functions affected; the company must act today.</summary>
    High,
    /// <summary>Safety, wide outage or active mass exploitation; everyone concerned is alerted at once.</summary>
    Critical,
}

/// <summary>Where an incident stands.</summary>
public enum IncidentState
{
    /// <summary>Detected and being handled.</summary>
    Open,
    /// <summary>The damage no longer spreads.</summary>
    Contained,
    /// <summary>The cause is removed and service is back to normal.</summary>
    Resolved,
    /// <summary>Done: lessons drawn, records complete.</summary>
    Closed,
}

/// <summary>What an entry of an incident's timeline records.</summary>
public enum TimelineKind
{
    /// <summary>Something was noticed.</summary>
    Detection,
    /// <summary>A finding of the investigation.</summary>
    Analysis,
    /// <summary>Something was done (blocked, patched, restored).</summary>
    Action,
    /// <summary>Something was decided.</summary>
    Decision,
    /// <summary>Someone was told something.</summary>
    Communication,
}

/// <summary>Groups of stakeholders an incident may have to be reported to.</summary>
public enum StakeholderGroup
{
    /// <summary>Executive management.</summary>
    Management,
    /// <summary>Public relations.</summary>
    PublicRelations,
    /// <summary>The legal department.</summary>
    Legal,
    /// <summary>Customers using the product.</summary>
    Customers,
    /// <summary>Authorities (e.g. the CSIRT designated under the EU CRA, ENISA, sector regulators).</summary>
    Regulators,
    /// <summary>Coordinators such as JPCERT/CC, IPA or national CSIRTs.</summary>
    Coordinators,
    /// <summary>Suppliers whose components are involved.</summary>
    Suppliers,
}

/// <summary>How a notification reached its recipient.</summary>
public enum NotificationChannel
{
    /// <summary>E-mail.</summary>
    Email,
    /// <summary>Telephone.</summary>
    Phone,
    /// <summary>A meeting.</summary>
    Meeting,
    /// <summary>A web portal or reporting platform.</summary>
    Portal,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Whether a public statement may be published.</summary>
public enum StatementStatus
{
    /// <summary>Being written.</summary>
    Draft,
    /// <summary>Approved by a PSIRT manager or an administrator.</summary>
    Approved,
}

/// <summary>Which state may follow which, and what each step needs.</summary>
public static class IncidentWorkflow
{
    /// <summary>The state that may follow <paramref name="state"/>, if any.</summary>
    public static IncidentState? NextOf(IncidentState state) => state switch
    {
        IncidentState.Open => IncidentState.Contained,
        IncidentState.Contained => IncidentState.Resolved,
        IncidentState.Resolved => IncidentState.Closed,
        IncidentState.Closed => null,
        _ => null,
    };

    /// <summary>The two languages public statements are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ja", "en"];
}
