using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;

namespace Shirube.Data.Demo;

/// <summary>
/// Writes the example's story into a context, through the domain's own methods only, so that every invariant a user
/// would meet holds for the example too: guidelines chosen, company baselines published, product baselines inheriting
/// them, assessments recorded line by line and completed, cases moved along their workflow. Nothing is saved here.
/// Times count back from <paramref name="now"/>; the actor is the context's.
/// </summary>
internal sealed partial class StoryWriter(ShirubeDbContext db, Catalog catalog, PsirtFramework framework, DateTime now, IReadOnlyDictionary<string, Product> products)
{
    // Published baselines come before the oldest assessment made against them.
    private const int CompanyLeadDays = 20;
    private const int ProductLeadDays = 10;

    private int _baselines;

    private string By => db.Actor.UserName;

    /// <summary>Adds the story's rows to the context and says how many of each there are.</summary>
    public DemoResult Write(StorySeed story, IReadOnlyDictionary<string, List<(string UserId, string UserName)>> holders)
    {
        var baselines = WriteBaselines(story.Products);
        var assessments = story.Products.Sum(s => WriteAssessments(s, baselines[s.Product]));
        var cases = WriteCases(story.Cases);
        var incidents = WriteIncidents(story.Incidents, cases);
        var maturity = story.Maturity is { } seed ? WriteMaturity(seed) : 0;
        var stakeholders = WriteStakeholders(story.Stakeholders);
        var courses = WriteCourses(story.Courses, holders);
        return new DemoResult(0, 0)
        {
            Baselines = _baselines,
            Assessments = assessments,
            Cases = cases.Count,
            Incidents = incidents,
            MaturityAssessments = maturity,
            Stakeholders = stakeholders,
            TrainingCourses = courses,
        };
    }

    /// <summary>
    /// The accepted guidelines of each product; a company baseline per field from the guidelines its products accepted,
    /// published; each product's baseline inheriting it, with its exclusions and top-down decisions, published.
    /// </summary>
    private Dictionary<string, Baseline> WriteBaselines(IReadOnlyList<ProductStory> stories)
    {
        foreach (var story in stories)
        {
            var unknown = story.Guidelines.FirstOrDefault(g => catalog.Find(g) is null);
            if (unknown is not null)
                throw new InvalidOperationException($"The example accepts the guideline '{unknown}' for {story.Product}, which the catalog does not have.");
            products[story.Product].ChooseGuidelines(story.Guidelines);
        }
        var oldest = stories.ToDictionary(s => s.Product, s => s.Assessments.Select(a => a.DaysAgo).DefaultIfEmpty(0).Max(), StringComparer.Ordinal);
        var parents = new Dictionary<string, BaselineSnapshot>(StringComparer.Ordinal);
        foreach (var field in stories.Select(s => products[s.Product]).GroupBy(p => p.Field, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var guidelines = field.SelectMany(p => p.Guidelines).Distinct(StringComparer.Ordinal).Select(g => catalog.Find(g)!).ToList();
            var company = Baseline.ForField($"Field {field.Key} company baseline", field.Key, guidelines, field.Max(p => p.RiskClass), isDemo: true);
            company.Publish(now.AddDays(-(field.Max(p => oldest[p.Name]) + CompanyLeadDays)));
            parents[field.Key] = Publish(company);
        }
        var baselines = new Dictionary<string, Baseline>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var product = products[story.Product];
            var baseline = Baseline.Inherit($"{product.Name} baseline", product.Id, product.BusinessUnitId, product.Field, parents[product.Field], isDemo: true);
            foreach (var exclusion in story.Exclusions)
            {
                var line = baseline.Find(exclusion.Key)
                    ?? throw new InvalidOperationException($"The example excludes '{exclusion.Key}' from the baseline of {product.Name}, which has no such line.");
                line.Exclude(Line(exclusion.Reason));
            }
            foreach (var decision in story.Decisions)
                baseline.Decide(decision.Control, decision.Needed, Line(decision.Reason), catalog, GuidelineSelector.General(catalog), product.RiskClass);
            baseline.Publish(now.AddDays(-(oldest[story.Product] + ProductLeadDays)));
            Publish(baseline);
            baselines[story.Product] = baseline;
        }
        return baselines;
    }

    // Adds a baseline just published with the snapshot of its version, as publishing in the app does.
    private BaselineSnapshot Publish(Baseline baseline)
    {
        var snapshot = BaselineSnapshot.Of(baseline);
        db.Baselines.Add(baseline);
        db.BaselineSnapshots.Add(snapshot);
        _baselines++;
        return snapshot;
    }

    /// <summary>The product's assessments, each against the published baseline, every included line recorded, completed.</summary>
    private int WriteAssessments(ProductStory story, Baseline baseline)
    {
        var product = products[story.Product];
        var lines = baseline.Items.Where(i => !i.Excluded).ToList();
        var keys = lines.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var seed in story.Assessments)
        {
            var version = product.Versions.Single(v => string.Equals(v.Version, seed.Version, StringComparison.OrdinalIgnoreCase));
            var started = Past(now.AddDays(-seed.DaysAgo));
            var assessment = Assessment.Start(baseline, baseline.PublishedVersion, version.Id, By, started);
            foreach (var line in lines)
            {
                var (status, justification) = Assess(product, line, seed);
                assessment.Record(keys, line.Key, status, justification, null, [], By, DateOnly.FromDateTime(started));
            }
            assessment.Complete(keys, Min(started.AddDays(1), now));
            db.Assessments.Add(assessment);
        }
        return story.Assessments.Count;
    }

    // How strongly each level is pursued beyond the levels met in full: MUST first, BETTER last.
    private static double LevelFactor(RequirementLevel level) => level switch
    {
        RequirementLevel.Must => 1,
        RequirementLevel.Should => 0.8,
        _ => 0.5,
    };

    /// <summary>
    /// One line's status: not applicable when it concerns only parts the product lacks; met when its level is met in
    /// full; otherwise implemented, partial or not implemented by where a hash of product and line falls against the
    /// share for the line's weakest part group. The hash does not depend on the version, so a version with higher
    /// shares meets every line an older one met.
    /// </summary>
    private (ImplementationStatus Status, string? Justification) Assess(Product product, BaselineItem line, AssessmentSeed seed)
    {
        IReadOnlyList<IotPart> parts = line.GuidelineId is null ? [] : catalog.Find(line.GuidelineId)?.Find(line.RequirementId!)?.Parts ?? [];
        if (parts.Count > 0 && !parts.Any(product.Parts.Contains))
        {
            var names = string.Join(", ", parts.Select(p => p.ToId()));
            return (ImplementationStatus.NotApplicable, Line(new LocalizedText(
                $"{product.Name} has none of the parts this requirement concerns ({names}).",
                $"{product.Name} はこの要求事項が対象とする構成要素（{names}）を持たない。")));
        }
        if (seed.MetThrough is { } met && line.Level <= met)
            return (ImplementationStatus.Implemented, null);
        IEnumerable<IotPartGroup> groups = parts.Count == 0 ? [IotPartGroup.Management] : parts.Select(IotParts.GroupOf).Distinct();
        var share = groups.Min(g => seed.Implemented.GetValueOrDefault(g)) * LevelFactor(line.Level);
        var draw = Draw($"{product.Name}\n{line.Key}");
        return (draw < share ? ImplementationStatus.Implemented
            : draw < share + ((1 - share) / 2) ? ImplementationStatus.Partial
            : ImplementationStatus.NotImplemented, null);
    }

    // A number in [0, 1) that depends on the text only: the same on every machine and in every run.
    private static double Draw(string text) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))) / (uint.MaxValue + 1.0);

    // A single-language field says both: Japanese first, then English, on one line or in two paragraphs.
    private static string Line(LocalizedText text) => text.Ja == text.En ? text.Ja : $"{text.Ja} / {text.En}";

    private static string Block(LocalizedText text) => text.Ja == text.En ? text.Ja : $"{text.Ja}\n\n{text.En}";

    private static string? OptionalLine(LocalizedText? text) => text is null ? null : Line(text);

    private static string? OptionalBlock(LocalizedText? text) => text is null ? null : Block(text);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    // The story happens before it is loaded; a time after that is a mistake in the example's data.
    private DateTime Past(DateTime at) =>
        at <= now ? at : throw new InvalidOperationException($"The example puts something at {at:O}, after it is loaded ({now:O}).");

    private DateTime HoursAgo(double hours) => Past(now.AddHours(-hours));
}
