namespace Shirube.Domain.Components;

/// <summary>The analysis state of a finding, in the CycloneDX VEX vocabulary (<c>analysis.state</c>).</summary>
public enum FindingState
{
    /// <summary><c>in_triage</c>: not yet analysed.</summary>
    InTriage,
    /// <summary><c>exploitable</c>: the product is affected.</summary>
    Exploitable,
    /// <summary><c>false_positive</c>: the vulnerability was wrongly identified in the component.</summary>
    FalsePositive,
    /// <summary><c>not_affected</c>: the component carries it, the product is not affected (with a justification).</summary>
    NotAffected,
    /// <summary><c>resolved</c>: fixed, or the component is no longer shipped.</summary>
    Resolved,
}

/// <summary>Why a product is not affected, in the CycloneDX VEX vocabulary (<c>analysis.justification</c>).</summary>
public enum FindingJustification
{
    /// <summary><c>code_not_present</c>.</summary>
    CodeNotPresent,
    /// <summary><c>code_not_reachable</c>.</summary>
    CodeNotReachable,
    /// <summary><c>requires_configuration</c>.</summary>
    RequiresConfiguration,
    /// <summary><c>requires_dependency</c>.</summary>
    RequiresDependency,
    /// <summary><c>requires_environment</c>.</summary>
    RequiresEnvironment,
    /// <summary><c>protected_by_compiler</c>.</summary>
    ProtectedByCompiler,
    /// <summary><c>protected_at_runtime</c>.</summary>
    ProtectedAtRuntime,
    /// <summary><c>protected_at_perimeter</c>.</summary>
    ProtectedAtPerimeter,
    /// <summary><c>protected_by_mitigating_control</c>.</summary>
    ProtectedByMitigatingControl,
}

/// <summary>The VEX names of states and justifications (<c>in_triage</c>, <c>code_not_present</c>), both ways.</summary>
public static class VexNames
{
    /// <summary>The VEX name of an enum member: its name in snake case (<c>NotAffected</c> → <c>not_affected</c>).</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) && text.Length > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>Reads a VEX name (<c>not_affected</c>) or the member's own name (<c>NotAffected</c>), case-insensitive; numbers are refused.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted))
            return false;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Every VEX name of <typeparamref name="T"/>, comma-separated (for error texts).</summary>
    public static string All<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));
}
