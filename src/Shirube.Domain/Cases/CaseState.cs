namespace Shirube.Domain.Cases;

/// <summary>The states of a vulnerability case along ISO/IEC 30111.</summary>
public enum CaseState
{
    /// <summary>A report has come in.</summary>
    Received,
    /// <summary>The reporter has been told it arrived.</summary>
    Acknowledged,
    /// <summary>Is it valid, a duplicate, in scope?</summary>
    Triage,
    /// <summary>Affected products and versions, root cause, CWE.</summary>
    Analysis,
    /// <summary>Fixes per affected version, release plan, workarounds.</summary>
    Remediation,
    /// <summary>The fix is released.</summary>
    Release,
    /// <summary>The advisory is published.</summary>
    Disclosure,
    /// <summary>Done.</summary>
    Closed,
    /// <summary>Not a vulnerability, or out of scope: ended with a reason.</summary>
    Rejected,
    /// <summary>Already known as another case: ended with a reason.</summary>
    Duplicate,
}

/// <summary>Which state may follow which, and what each step needs.</summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseState, CaseState[]> Next = new()
    {
        [CaseState.Received] = [CaseState.Acknowledged, CaseState.Rejected, CaseState.Duplicate],
        [CaseState.Acknowledged] = [CaseState.Triage, CaseState.Rejected, CaseState.Duplicate],
        [CaseState.Triage] = [CaseState.Analysis, CaseState.Rejected, CaseState.Duplicate],
        [CaseState.Analysis] = [CaseState.Remediation, CaseState.Rejected],
        [CaseState.Remediation] = [CaseState.Release],
        [CaseState.Release] = [CaseState.Disclosure],
        [CaseState.Disclosure] = [CaseState.Closed],
        [CaseState.Closed] = [],
        [CaseState.Rejected] = [],
        [CaseState.Duplicate] = [],
    };

    /// <summary>The states that may follow <paramref name="state"/>.</summary>
    public static IReadOnlyList<CaseState> NextOf(CaseState state) => Next[state];

    /// <summary>True for the states a case ends in.</summary>
    public static bool IsFinal(CaseState state) => Next[state].Length == 0;
}
