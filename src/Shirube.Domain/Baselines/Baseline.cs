using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Baselines;

/// <summary>How strongly a baseline asks for a requirement.</summary>
public enum RequirementLevel
{
    /// <summary>Must be met.</summary>
    Must,
    /// <summary>Should be met; a gap needs a reason.</summary>
    Should,
    /// <summary>Better to meet: good practice beyond the need.</summary>
    Better,
}

/// <summary>The defaults a tailored baseline starts from: the source's own level and the product's risk class.</summary>
public static class LevelDefaults
{
    /// <summary>
    /// The default level: regulations are MUST; ETSI M → MUST, R → SHOULD; ISVS L1 → MUST, L2 → SHOULD, L3 → BETTER;
    /// GSMA Critical/High → MUST, Medium → SHOULD, Low → BETTER; otherwise SHOULD. A high risk class (3 or more) raises
    /// SHOULD to MUST and a critical one (4 or more) raises BETTER to SHOULD.
    /// </summary>
    public static RequirementLevel For(Guideline guideline, Requirement requirement, int? riskClass)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(requirement);
        var level = guideline.Kind == GuidelineKind.Regulation ? RequirementLevel.Must : FromSource(requirement);
        return (level, riskClass ?? 0) switch
        {
            (RequirementLevel.Should, >= 3) => RequirementLevel.Must,
            (RequirementLevel.Better, >= 4) => RequirementLevel.Should,
            _ => level,
        };
    }

    private static RequirementLevel FromSource(Requirement r)
    {
        if (r.Levels.Count > 0)
        {
            // ISVS flags the levels an item belongs to; its lowest level decides.
            return r.Levels.Contains("L1") ? RequirementLevel.Must : r.Levels.Contains("L2") ? RequirementLevel.Should : RequirementLevel.Better;
        }
        return r.Level switch
        {
            "M" or "M C" or "Critical" or "High" => RequirementLevel.Must,
            "R" or "R C" or "Medium" => RequirementLevel.Should,
            "Low" => RequirementLevel.Better,
            _ => RequirementLevel.Should,
        };
    }
}

/// <summary>One line of a baseline: a catalog requirement or one of our own, its level, or why it is left out.</summary>
public sealed class BaselineItem
{
    private BaselineItem()
    {
        Key = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The baseline.</summary>
    public Guid BaselineId { get; private set; }
    /// <summary>"guideline/requirement" for a catalog requirement, "own/OWN-n" for our own.</summary>
    public string Key { get; private set; }
    /// <summary>The catalog guideline, or null for our own requirement.</summary>
    public string? GuidelineId { get; private set; }
    /// <summary>The catalog requirement, or our own id.</summary>
    public string? RequirementId { get; private set; }
    /// <summary>MUST, SHOULD or BETTER.</summary>
    public RequirementLevel Level { get; private set; }
    /// <summary>True when left out of the baseline; then <see cref="ExclusionReason"/> says why.</summary>
    public bool Excluded { get; private set; }
    /// <summary>Why it is left out.</summary>
    public string? ExclusionReason { get; private set; }
    /// <summary>Our own title (own requirements) or the rewording for the business (catalog ones), English.</summary>
    public string? TitleEn { get; private set; }
    /// <summary>Japanese counterpart of <see cref="TitleEn"/>.</summary>
    public string? TitleJa { get; private set; }
    /// <summary>True while the line is as the company baseline it inherits from has it; any change makes it an override.</summary>
    public bool Inherited { get; private set; }

    /// <summary>A requirement taken from the catalog.</summary>
    public static BaselineItem FromCatalog(Guid baselineId, string guidelineId, string requirementId, RequirementLevel level) => new()
    {
        Id = Guid.CreateVersion7(),
        BaselineId = baselineId,
        Key = $"{guidelineId}/{requirementId}",
        GuidelineId = guidelineId,
        RequirementId = requirementId,
        Level = level,
    };

    /// <summary>One of our own requirements.</summary>
    public static BaselineItem Own(Guid baselineId, string id, string titleEn, string titleJa, RequirementLevel level)
    {
        var item = new BaselineItem { Id = Guid.CreateVersion7(), BaselineId = baselineId, Key = $"own/{id}", RequirementId = id, Level = level };
        item.Reword(titleEn, titleJa);
        Guard.That(item.TitleEn is not null && item.TitleJa is not null, BaselineErrors.OwnTitleRequired());
        return item;
    }

    /// <summary>Sets the level; taking an item back in clears its exclusion.</summary>
    public void SetLevel(RequirementLevel level)
    {
        Inherited = false;
        Level = level;
        Excluded = false;
        ExclusionReason = null;
    }

    /// <summary>Leaves the item out, with the reason.</summary>
    public void Exclude(string reason)
    {
        reason = Guard.Text(reason, nameof(reason), 3, 1000);
        Inherited = false;
        Excluded = true;
        ExclusionReason = reason;
    }

    /// <summary>A line taken over from the company baseline's published version, marked as inherited.</summary>
    internal static BaselineItem InheritedFrom(Guid baselineId, SnapshotLine line)
    {
        var slash = line.Key.IndexOf('/', StringComparison.Ordinal);
        var own = line.Key.StartsWith("own/", StringComparison.Ordinal);
        var item = new BaselineItem
        {
            Id = Guid.CreateVersion7(),
            BaselineId = baselineId,
            Key = line.Key,
            GuidelineId = own ? null : line.Key[..slash],
            RequirementId = line.Key[(slash + 1)..],
        };
        item.Follow(line);
        return item;
    }

    /// <summary>Takes the parent's line as it is and marks this one inherited again.</summary>
    internal void Follow(SnapshotLine line)
    {
        Level = line.Level;
        Excluded = line.Excluded;
        ExclusionReason = line.Reason;
        TitleEn = line.TitleEn;
        TitleJa = line.TitleJa;
        Inherited = true;
    }

    /// <summary>Rewords the item for the business or product (null keeps the source's title).</summary>
    public void Reword(string? titleEn, string? titleJa)
    {
        Inherited = false;
        TitleEn = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn.Trim();
        TitleJa = string.IsNullOrWhiteSpace(titleJa) ? null : titleJa.Trim();
    }
}

/// <summary>A top-down decision: is a common control needed (要) for the product, and why.</summary>
public sealed class ControlDecision
{
    private ControlDecision()
    {
        ControlId = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>The baseline.</summary>
    public Guid BaselineId { get; private set; }
    /// <summary>The common control.</summary>
    public string ControlId { get; private set; }
    /// <summary>要 (true) or 不要 (false).</summary>
    public bool Needed { get; private set; }
    /// <summary>Why.</summary>
    public string Reason { get; private set; }

    internal static ControlDecision Create(Guid baselineId, string controlId, bool needed, string reason) =>
        new() { BaselineId = baselineId, ControlId = controlId, Needed = needed, Reason = reason };

    internal void Change(bool needed, string reason)
    {
        Needed = needed;
        Reason = reason;
    }
}

/// <summary>
/// A tailored guideline of our own: for a product (or a product field, for the company baseline), the chosen
/// requirements at MUST / SHOULD / BETTER, our own additions, and every exclusion with its reason.
/// </summary>
public sealed class Baseline
{
    private readonly List<BaselineItem> _items = [];
    private readonly List<ControlDecision> _decisions = [];

    private Baseline()
    {
        Name = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>Name, e.g. "HR-300 baseline".</summary>
    public string Name { get; private set; }
    /// <summary>The product it is for, or null for a company baseline of a product field.</summary>
    public Guid? ProductId { get; private set; }
    /// <summary>The business unit of the product (for scoping); null for a company baseline, which every unit reads.</summary>
    public Guid? BusinessUnitId { get; private set; }
    /// <summary>The product field (分野) a company baseline sets the level for, or the product's field.</summary>
    public string? Field { get; private set; }
    /// <summary>The company baseline this product baseline inherits from, if any.</summary>
    public Guid? ParentId { get; private set; }
    /// <summary>The parent's published version the inherited lines were last taken from.</summary>
    public int ParentVersion { get; private set; }
    /// <summary>True for a company baseline of a field (no product).</summary>
    public bool IsCompany => ProductId is null;
    /// <summary>True for the example portfolio's baselines (company and product), which <c>demo remove</c> deletes.</summary>
    public bool IsDemo { get; private set; }
    /// <summary>Its lines.</summary>
    public IReadOnlyList<BaselineItem> Items => _items;
    /// <summary>The top-down decisions, one per common control decided.</summary>
    public IReadOnlyList<ControlDecision> Decisions => _decisions;
    /// <summary>The published version number, 0 while a draft.</summary>
    public int PublishedVersion { get; private set; }
    /// <summary>When it was last published (UTC).</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>
    /// Bottom-up steps 2–3: a baseline with every requirement of the chosen guidelines at its default level.
    /// </summary>
    public static Baseline Tailor(string name, Guid productId, Guid businessUnitId, IEnumerable<Guideline> guidelines, int? riskClass, string? field = null)
    {
        var baseline = new Baseline { Id = Guid.CreateVersion7(), Name = CheckName(name), ProductId = productId, BusinessUnitId = businessUnitId, Field = field };
        baseline.AddAll(guidelines, riskClass);
        return baseline;
    }

    /// <summary>
    /// A company baseline for a product field (分野): the portfolio's MUST / SHOULD / BETTER for every product of the
    /// field, from the chosen guidelines at their default levels. Product baselines inherit and override it.
    /// </summary>
    public static Baseline ForField(string name, string field, IEnumerable<Guideline> guidelines, int? riskClass, bool isDemo = false)
    {
        field = Guard.Text(field, nameof(field), 50);
        var baseline = new Baseline { Id = Guid.CreateVersion7(), Name = CheckName(name), Field = field, IsDemo = isDemo };
        baseline.AddAll(guidelines, riskClass);
        return baseline;
    }

    /// <summary>
    /// A product baseline that inherits a published version of its field's company baseline: every line is taken
    /// over and marked inherited until the product changes it (an override).
    /// </summary>
    public static Baseline Inherit(string name, Guid productId, Guid businessUnitId, string field, BaselineSnapshot parent, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var baseline = new Baseline
        {
            Id = Guid.CreateVersion7(),
            Name = CheckName(name),
            ProductId = productId,
            BusinessUnitId = businessUnitId,
            Field = field,
            ParentId = parent.BaselineId,
            ParentVersion = parent.Version,
            IsDemo = isDemo,
        };
        baseline._items.AddRange(parent.Lines.Select(l => BaselineItem.InheritedFrom(baseline.Id, l)));
        return baseline;
    }

    /// <summary>
    /// Takes a newer published version of the parent: inherited lines follow it, new lines come in, lines the parent
    /// dropped go; overrides stay as the product set them.
    /// </summary>
    public InheritanceUpdate UpdateFrom(BaselineSnapshot parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (ParentId != parent.BaselineId)
            throw new InvalidOperationException("That is not this baseline's parent.");
        int updated = 0, added = 0;
        var keys = parent.Lines.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var line in parent.Lines)
        {
            if (Find(line.Key) is not { } item)
            {
                _items.Add(BaselineItem.InheritedFrom(Id, line));
                added++;
            }
            else if (item.Inherited && SnapshotLine.Of(item) != line)
            {
                item.Follow(line);
                updated++;
            }
        }
        var removed = _items.RemoveAll(i => i.Inherited && !keys.Contains(i.Key));
        ParentVersion = parent.Version;
        return new InheritanceUpdate(parent.Version, added, updated, removed, _items.Count(i => !i.Inherited && keys.Contains(i.Key)));
    }

    private static string CheckName(string name) => Guard.Text(name, nameof(name), 200);

    private void AddAll(IEnumerable<Guideline> guidelines, int? riskClass)
    {
        foreach (var g in guidelines)
        {
            foreach (var r in g.Requirements)
                _items.Add(BaselineItem.FromCatalog(Id, g.Id, r.Id, LevelDefaults.For(g, r, riskClass)));
        }
    }

    /// <summary>Finds a line by its key ("guideline/requirement" or "own/id").</summary>
    public BaselineItem? Find(string key) => _items.FirstOrDefault(i => i.Key == key);

    /// <summary>
    /// Adds one of our own requirements with the next free id: OWN-n in a product baseline, CO-n in a company
    /// baseline, so that a product's own lines never collide with the ones it inherits.
    /// </summary>
    public BaselineItem AddOwn(string titleEn, string titleJa, RequirementLevel level)
    {
        var prefix = IsCompany ? "CO-" : "OWN-";
        var next = _items.Count(i => i.GuidelineId is null && i.RequirementId!.StartsWith(prefix, StringComparison.Ordinal)) + 1;
        var item = BaselineItem.Own(Id, $"{prefix}{next}", titleEn, titleJa, level);
        _items.Add(item);
        return item;
    }

    /// <summary>The prefix of exclusion reasons written by a top-down decision.</summary>
    public const string TopDownPrefix = "Top-down: ";

    /// <summary>
    /// Top-down steps 1–2: decides whether a common control is needed (要) or not (不要), with the reason, and
    /// applies it to the same baseline. 不要 leaves out every line whose controls are all decided 不要; 要 takes back
    /// lines a 不要 had left out, and adds the requirements that <paramref name="general"/> guidelines map to the
    /// control when the baseline has none yet, so that nothing needed is missed.
    /// </summary>
    public void Decide(string controlId, bool needed, string reason, Catalog catalog, IEnumerable<Guideline> general, int? riskClass)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Guard.That(catalog.Controls.Any(c => c.Id == controlId), () => BaselineErrors.UnknownControl(controlId));
        reason = Guard.Text(reason, nameof(reason), 3, 1000);
        var decision = _decisions.FirstOrDefault(d => d.ControlId == controlId);
        if (decision is null)
            _decisions.Add(ControlDecision.Create(Id, controlId, needed, reason));
        else
            decision.Change(needed, reason);

        var notNeeded = _decisions.Where(d => !d.Needed).Select(d => d.ControlId).ToHashSet(StringComparer.Ordinal);
        var linked = new List<BaselineItem>();
        foreach (var item in _items.Where(i => i.GuidelineId is not null))
        {
            var controls = catalog.Find(item.GuidelineId!)?.Find(item.RequirementId!)?.Controls ?? [];
            if (!controls.Contains(controlId))
                continue;
            linked.Add(item);
            if (!needed && controls.All(notNeeded.Contains))
                item.Exclude(TopDownPrefix + reason);
            else if (needed && item.Excluded && item.ExclusionReason!.StartsWith(TopDownPrefix, StringComparison.Ordinal))
                item.SetLevel(item.Level);
        }
        if (needed && linked.All(i => i.Excluded))
        {
            foreach (var g in general)
            {
                foreach (var r in g.Requirements.Where(r => r.Controls.Contains(controlId)))
                {
                    if (Find($"{g.Id}/{r.Id}") is null)
                        _items.Add(BaselineItem.FromCatalog(Id, g.Id, r.Id, LevelDefaults.For(g, r, riskClass)));
                }
            }
        }
    }

    /// <summary>Publishes the current state as the next version.</summary>
    public int Publish(DateTime now)
    {
        PublishedVersion++;
        PublishedAt = now;
        return PublishedVersion;
    }

    /// <summary>How many included lines there are at each level.</summary>
    public IReadOnlyDictionary<RequirementLevel, int> Counts() =>
        Enum.GetValues<RequirementLevel>().ToDictionary(l => l, l => _items.Count(i => !i.Excluded && i.Level == l));
}

/// <summary>What taking a newer parent version changed.</summary>
/// <param name="ParentVersion">The parent's version now inherited.</param>
/// <param name="Added">Lines new in the parent, added.</param>
/// <param name="Updated">Inherited lines that follow the parent's change.</param>
/// <param name="Removed">Inherited lines the parent dropped.</param>
/// <param name="Overrides">Lines the product overrides, kept as they are.</param>
public sealed record InheritanceUpdate(int ParentVersion, int Added, int Updated, int Removed, int Overrides);
