using Shirube.Domain.Exploitation;

namespace Shirube.Domain.Cases;

/// <summary>A response level with its SLA targets, counted from when the report came in.</summary>
/// <param name="Name">Critical, High, Medium or Low.</param>
/// <param name="Rank">0 for the most urgent.</param>
/// <param name="Acknowledge">Time to tell the reporter it arrived.</param>
/// <param name="Triage">Time to finish triage (the case reaches Analysis).</param>
/// <param name="Fix">Time to release the fix (the case reaches Release).</param>
public sealed record ResponseLevel(string Name, int Rank, TimeSpan Acknowledge, TimeSpan Triage, TimeSpan Fix);

/// <summary>How one SLA target stands.</summary>
public enum SlaStatus
{
    /// <summary>Reached in time.</summary>
    Met,
    /// <summary>Reached, but late.</summary>
    Breached,
    /// <summary>Not reached, time left.</summary>
    Open,
    /// <summary>Not reached, past its target.</summary>
    Overdue,
}

/// <summary>One SLA target of a case.</summary>
/// <param name="Step">Acknowledge, Triage or Fix.</param>
/// <param name="DueAt">The target (UTC).</param>
/// <param name="ReachedAt">When the step was reached, if it was.</param>
/// <param name="Status">Met, breached, open or overdue.</param>
public sealed record SlaTarget(string Step, DateTime DueAt, DateTime? ReachedAt, SlaStatus Status);

/// <summary>What a reason of a response decision is about.</summary>
public enum ResponseReasonKind
{
    /// <summary>The band of the CVSS score.</summary>
    Score,
    /// <summary>No CVSS score yet: the middle band.</summary>
    Unscored,
    /// <summary>Exploitation signals: the PSIRT's flag, CISA KEV, EPSS.</summary>
    Exploitation,
    /// <summary>The product's risk class.</summary>
    RiskClass,
}

/// <summary>One reason of a response decision, with the facts a page needs to say it in its own language.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Text">The reason in English, as the API gives it.</param>
/// <param name="Raised">Whether it raised the level.</param>
/// <param name="Score">The CVSS score (Score).</param>
/// <param name="Band">The level the score gives (Score, Unscored).</param>
/// <param name="Flagged">The PSIRT flagged active exploitation (Exploitation).</param>
/// <param name="KevSince">The day CISA added the CVE to KEV (Exploitation).</param>
/// <param name="Epss">The EPSS probability at or above the threshold (Exploitation).</param>
/// <param name="EpssThreshold">The threshold it met (Exploitation).</param>
/// <param name="RiskClass">The product's risk class (RiskClass).</param>
public sealed record ResponseReason(ResponseReasonKind Kind, string Text, bool Raised, decimal? Score = null, string? Band = null, bool Flagged = false,
    DateOnly? KevSince = null, decimal? Epss = null, decimal? EpssThreshold = null, int? RiskClass = null);

/// <summary>The response level of a case and why.</summary>
/// <param name="Level">The level.</param>
/// <param name="Why">Why: the score band and each raise.</param>
public sealed record ResponseDecision(ResponseLevel Level, IReadOnlyList<ResponseReason> Why)
{
    /// <summary>The reasons in English.</summary>
    public IReadOnlyList<string> Reasons => [.. Why.Select(w => w.Text)];
}

/// <summary>
/// Configurable response levels: the CVSS score gives the band (9.0+ Critical, 7.0+ High, 4.0+ Medium, else Low; no
/// score: Medium); exploitation (flagged by the PSIRT, listed in CISA KEV, or an EPSS probability at or above the
/// threshold) raises it one level, and a product risk class of 3 or more one more.
/// </summary>
/// <param name="levels">The levels with their SLA targets.</param>
/// <param name="epssThreshold">The EPSS probability from which exploitation counts as likely (default 0.1).</param>
public sealed class ResponsePolicy(IReadOnlyList<ResponseLevel> levels, decimal epssThreshold = ResponsePolicy.DefaultEpssThreshold)
{
    /// <summary>The default EPSS threshold: a 10 % probability of exploitation activity in the next 30 days.</summary>
    public const decimal DefaultEpssThreshold = 0.1m;

    /// <summary>The EPSS probability from which exploitation counts as likely.</summary>
    public decimal EpssThreshold { get; } = epssThreshold is > 0 and <= 1
        ? epssThreshold
        : throw new ArgumentOutOfRangeException(nameof(epssThreshold), epssThreshold, "The EPSS threshold is a probability above 0 and at most 1.");

    /// <summary>The default levels: Critical 1 / 3 / 14 days, High 2 / 7 / 30, Medium 5 / 14 / 90, Low 10 / 30 / 180.</summary>
    public static ResponsePolicy Default { get; } = new([
        new("Critical", 0, TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(14)),
        new("High", 1, TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(30)),
        new("Medium", 2, TimeSpan.FromDays(5), TimeSpan.FromDays(14), TimeSpan.FromDays(90)),
        new("Low", 3, TimeSpan.FromDays(10), TimeSpan.FromDays(30), TimeSpan.FromDays(180)),
    ]);

    /// <summary>The levels, most urgent first.</summary>
    public IReadOnlyList<ResponseLevel> Levels { get; } = [.. levels.OrderBy(l => l.Rank)];

    /// <summary>The level for a score, the PSIRT's own exploitation flag and the product's risk class.</summary>
    public ResponseDecision Decide(decimal? cvssScore, bool exploited, int? riskClass) =>
        Decide(cvssScore, exploited ? new ExploitationSignals(true, null, null) : ExploitationSignals.None, riskClass);

    /// <summary>
    /// The level for a score, what is known of exploitation and the product's risk class. Every exploitation signal is
    /// named among the reasons, but together they raise the level once.
    /// </summary>
    public ResponseDecision Decide(decimal? cvssScore, ExploitationSignals exploitation, int? riskClass)
    {
        ArgumentNullException.ThrowIfNull(exploitation);
        var rank = cvssScore switch
        {
            null => 2,
            >= 9.0m => 0,
            >= 7.0m => 1,
            >= 4.0m => 2,
            _ => 3,
        };
        var band = BandName(rank);
        var why = new List<ResponseReason>
        {
            cvssScore is { } score
                ? new(ResponseReasonKind.Score, FormattableString.Invariant($"CVSS {score:0.0}: {band}"), false, Score: score, Band: band)
                : new(ResponseReasonKind.Unscored, $"no CVSS score yet: {band}", false, Band: band),
        };
        var signals = new List<string>();
        if (exploitation.KnownExploited)
            signals.Add("actively exploited");
        if (exploitation.Kev is { } kev)
            signals.Add(FormattableString.Invariant($"in CISA KEV since {kev.DateAdded:yyyy-MM-dd}"));
        var epss = exploitation.Epss is { } e && e.Probability >= EpssThreshold ? e.Probability : (decimal?)null;
        if (epss is { } p)
            signals.Add(FormattableString.Invariant($"EPSS {p:0.000} ≥ {EpssThreshold:0.###}"));
        if (signals.Count > 0)
        {
            var raised = rank > 0;
            if (raised)
                rank--;
            why.Add(new(ResponseReasonKind.Exploitation, string.Join(", ", signals) + (raised ? ": one level up" : ""), raised,
                Flagged: exploitation.KnownExploited, KevSince: exploitation.Kev?.DateAdded, Epss: epss, EpssThreshold: epss is null ? null : EpssThreshold));
        }
        if (riskClass >= 3 && rank > 0)
        {
            rank--;
            why.Add(new(ResponseReasonKind.RiskClass, $"product risk class {riskClass}: one level up", true, RiskClass: riskClass));
        }
        var level = Levels.FirstOrDefault(l => l.Rank == rank) ?? Levels[^1];
        return new ResponseDecision(level, why);
    }

    // The band a score gives, named by the level of that rank (the default names if a rank has no level).
    private string BandName(int rank) => Levels.FirstOrDefault(l => l.Rank == rank)?.Name ?? Default.Levels[rank].Name;

    /// <summary>The three SLA targets of a case at its level.</summary>
    public static IReadOnlyList<SlaTarget> Sla(VulnerabilityCase c, ResponseLevel level, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(level);
        return
        [
            Target("Acknowledge", c.ReceivedAt + level.Acknowledge, c.ReachedAt(CaseState.Acknowledged), now),
            Target("Triage", c.ReceivedAt + level.Triage, c.ReachedAt(CaseState.Analysis), now),
            Target("Fix", c.ReceivedAt + level.Fix, c.ReachedAt(CaseState.Release), now),
        ];
    }

    private static SlaTarget Target(string step, DateTime due, DateTime? reached, DateTime now) =>
        new(step, due, reached, reached is { } r ? (r <= due ? SlaStatus.Met : SlaStatus.Breached) : now > due ? SlaStatus.Overdue : SlaStatus.Open);
}
