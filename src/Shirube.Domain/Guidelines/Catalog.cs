namespace Shirube.Domain.Guidelines;

/// <summary>A requirement together with the guideline it belongs to.</summary>
/// <param name="Guideline">The guideline.</param>
/// <param name="Requirement">The requirement.</param>
public sealed record RequirementRef(Guideline Guideline, Requirement Requirement);

/// <summary>Every guideline and the common controls: the catalog that the coverage matrix and the crosswalk read.</summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Guideline> _byId;

    /// <summary>The same catalog with more guidelines (e.g. imports) added.</summary>
    public Catalog With(IEnumerable<Guideline> more) => new(Guidelines.Concat(more), Controls);

    /// <summary>Creates a catalog; <see cref="Validate"/> says whether it holds together.</summary>
    public Catalog(IEnumerable<Guideline> guidelines, IEnumerable<CommonControl> controls)
    {
        Guidelines = [.. guidelines.OrderBy(g => g.Kind).ThenBy(g => g.Year).ThenBy(g => g.Id, StringComparer.Ordinal)];
        Controls = [.. controls];
        _byId = Guidelines.GroupBy(g => g.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Guidelines, by kind, then year.</summary>
    public IReadOnlyList<Guideline> Guidelines { get; }

    /// <summary>The common controls.</summary>
    public IReadOnlyList<CommonControl> Controls { get; }

    /// <summary>A guideline by id.</summary>
    public Guideline? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every requirement that links to a common control.</summary>
    public IEnumerable<RequirementRef> RequirementsOf(string controlId) =>
        Guidelines.SelectMany(g => g.Requirements.Where(r => r.Controls.Contains(controlId)).Select(r => new RequirementRef(g, r)));

    /// <summary>Requirements whose id, title or summary contain every term of the query, in either language.</summary>
    public IEnumerable<RequirementRef> Search(string query)
    {
        var terms = (query ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
            return [];
        return Guidelines.SelectMany(g => g.Requirements.Select(r => new RequirementRef(g, r)))
            .Where(x => terms.All(t => x.Requirement.Id.Contains(t, StringComparison.OrdinalIgnoreCase)
                                       || x.Requirement.Title.Contains(t) || x.Requirement.Summary.Contains(t)
                                       || x.Guideline.ShortName.Contains(t, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Everything that does not hold together, each naming the guideline and requirement.</summary>
    public IReadOnlyList<string> Validate() => [.. Findings().Select(f => f.Message)];

    /// <summary>Everything that does not hold together, each with its kind and the guideline and place it concerns.</summary>
    public IReadOnlyList<CatalogFinding> Findings()
    {
        var findings = new List<CatalogFinding>();
        void Add(CatalogProblem problem, string? guideline, string? where, string message) =>
            findings.Add(new CatalogFinding(problem, guideline, where, message));

        var controlIds = Controls.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in Controls.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Add(CatalogProblem.DuplicateControl, null, duplicate.Key, $"common controls: '{duplicate.Key}' appears twice.");
        foreach (var duplicate in Guidelines.GroupBy(g => g.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Add(CatalogProblem.DuplicateGuideline, duplicate.Key, null, $"{duplicate.Key}: the guideline id appears twice.");
        foreach (var g in Guidelines)
        {
            if (g.Requirements.Count != g.ExpectedCount)
                Add(CatalogProblem.CountMismatch, g.Id, null, $"{g.Id}: {g.Requirements.Count} requirements, but the source has {g.ExpectedCount}.");
            var groups = g.Groups.SelectMany(x => x.SelfAndDescendants()).Select(x => x.Id).ToList();
            foreach (var duplicate in groups.GroupBy(x => x, StringComparer.Ordinal).Where(x => x.Count() > 1))
                Add(CatalogProblem.DuplicateGroup, g.Id, duplicate.Key, $"{g.Id}: group '{duplicate.Key}' appears twice.");
            foreach (var duplicate in g.Requirements.GroupBy(r => r.Id, StringComparer.Ordinal).Where(x => x.Count() > 1))
                Add(CatalogProblem.DuplicateRequirement, g.Id, duplicate.Key, $"{g.Id}: requirement '{duplicate.Key}' appears twice.");
            foreach (var r in g.Requirements)
            {
                if (r.Group is not null && !groups.Contains(r.Group, StringComparer.Ordinal))
                    Add(CatalogProblem.UnknownGroup, g.Id, r.Id, $"{g.Id} {r.Id}: no group '{r.Group}'.");
                foreach (var control in r.Controls.Where(c => !controlIds.Contains(c)))
                    Add(CatalogProblem.UnknownControl, g.Id, r.Id, $"{g.Id} {r.Id}: no common control '{control}'.");
                foreach (var level in r.Levels.Prepend(r.Level).OfType<string>().Where(l => g.Levels.Count > 0 && !g.Levels.Contains(l, StringComparer.Ordinal)))
                    Add(CatalogProblem.UnknownLevel, g.Id, r.Id, $"{g.Id} {r.Id}: level '{level}' is not one of the guideline's levels ({string.Join(", ", g.Levels)}).");
                // Imported catalogs arrive untagged; our own content must be tagged and linked.
                if (g.Origin == GuidelineOrigin.Bundled && r.Parts.Count == 0)
                    Add(CatalogProblem.NoPart, g.Id, r.Id, $"{g.Id} {r.Id}: no IoT part.");
                // An item whose topic could not be verified may stay unlinked: a link would be a guess.
                if (g.Origin == GuidelineOrigin.Bundled && r.Controls.Count == 0 && r.Verified)
                    Add(CatalogProblem.NoControl, g.Id, r.Id, $"{g.Id} {r.Id}: links to no common control.");
                if (r.Parent is not null && g.Find(r.Parent) is null)
                    Add(CatalogProblem.UnknownParent, g.Id, r.Id, $"{g.Id} {r.Id}: no parent requirement '{r.Parent}'.");
            }
        }
        return findings;
    }
}
