namespace Shirube.Domain.Dashboard;

/// <summary>The first steps a newcomer takes, in the order the dashboard's checklist lists them.</summary>
public enum FirstStep
{
    /// <summary>Load the example portfolio (or have products of one's own).</summary>
    LoadExample,
    /// <summary>See which guidelines cover which IoT parts (the coverage matrix).</summary>
    Coverage,
    /// <summary>Pick guidelines for a product.</summary>
    PickGuidelines,
    /// <summary>See where each product falls short of its required level (the portfolio).</summary>
    Shortfall,
    /// <summary>File a vulnerability report.</summary>
    Report,
}

/// <summary>The steps a user has done, kept as one short text ("Coverage,Shortfall"): unknown names are ignored.</summary>
public sealed record FirstSteps(IReadOnlySet<FirstStep> Done)
{
    /// <summary>No step done.</summary>
    public static FirstSteps None { get; } = new(new HashSet<FirstStep>());

    /// <summary>True when every step is done.</summary>
    public bool Complete => Enum.GetValues<FirstStep>().All(Done.Contains);

    /// <summary>These steps and one more.</summary>
    public FirstSteps With(FirstStep step) => new(new HashSet<FirstStep>(Done) { step });

    /// <summary>Reads the stored text; names that are not steps (from an older or newer version) are left out.</summary>
    public static FirstSteps Parse(string? text) => new(
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<FirstStep>(s, ignoreCase: false, out var step) && Enum.IsDefined(step) ? step : (FirstStep?)null)
            .OfType<FirstStep>()
            .ToHashSet());

    /// <summary>The text to store, in the checklist's order.</summary>
    public override string ToString() => string.Join(",", Enum.GetValues<FirstStep>().Where(Done.Contains));
}
