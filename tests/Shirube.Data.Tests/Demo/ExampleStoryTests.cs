using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Cases;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Incidents;
using Shirube.Domain.Psirt;
using Shirube.Domain.Scoring;
using Shirube.Domain.Stakeholders;
using Shirube.Domain.Training;
using Shirube.Testing;

namespace Shirube.Data.Tests.Demo;

/// <summary>What a newcomer finds after loading the example: every page has something true to show.</summary>
public sealed class ExampleStoryTests(LoadedExample example) : IClassFixture<LoadedExample>
{
    private const string Router = "Wi-Fi home router HR-300";
    private const string Camera = "Cloud network camera NC-20";
    private const string Nas = "Home NAS DS-4";
    private const string Meter = "Smart electricity meter SM-1";
    private const string Controller = "Building energy controller BC-7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Each_product_accepts_only_guidelines_the_recommendation_picks_for_its_parts_markets_and_sector(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var products = await db.Products.Where(p => p.IsDemo).ToListAsync(Ct);

        Assert.Equal(5, products.Count);
        Assert.All(products, p =>
        {
            var picks = GuidelineSelector.Recommend(new ProductProfile(p.Parts, p.Sector, p.Markets), LoadedExample.Catalog).Picks.Select(x => x.Guideline.Id);
            Assert.NotEmpty(p.Guidelines);
            Assert.Subset(picks.ToHashSet(), p.Guidelines.ToHashSet());
        });
        // Markets decide: the products on the EU market take the CRA, the UK one PSTI.
        Assert.Contains("eu-cra-annex-i", products.Single(p => p.Name == Controller).Guidelines);
        Assert.Contains("uk-psti", products.Single(p => p.Name == Router).Guidelines);
        Assert.DoesNotContain("eu-cra-annex-i", products.Single(p => p.Name == Meter).Guidelines);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Each_product_baseline_is_published_and_inherits_the_published_company_baseline_of_its_field(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var products = await db.Products.Where(p => p.IsDemo).ToListAsync(Ct);
        var baselines = await db.Baselines.Include(b => b.Items).ToListAsync(Ct);
        var snapshots = await db.BaselineSnapshots.Select(s => new { s.BaselineId, s.Version }).ToListAsync(Ct);

        var companies = baselines.Where(b => b.IsCompany).ToList();
        Assert.Equal(["A", "B", "C", "D", "E"], companies.Select(b => b.Field!).Order(StringComparer.Ordinal));
        Assert.All(baselines, b =>
        {
            Assert.True(b.IsDemo);
            Assert.Equal(1, b.PublishedVersion);
            Assert.Contains(new { BaselineId = b.Id, Version = 1 }, snapshots);
        });
        Assert.All(products, p =>
        {
            var own = Assert.Single(baselines, b => b.ProductId == p.Id);
            var parent = companies.Single(c => c.Field == p.Field);
            Assert.Equal(parent.Id, own.ParentId);
            Assert.Equal(parent.PublishedVersion, own.ParentVersion);
            Assert.Equal(parent.Items.Select(i => i.Key).Order(StringComparer.Ordinal), own.Items.Select(i => i.Key).Order(StringComparer.Ordinal));
            // The field's company baseline is built from exactly the guidelines the field's product accepted.
            Assert.Equal(p.Guidelines.Order(StringComparer.Ordinal), parent.Items.Select(i => i.GuidelineId!).Distinct().Order(StringComparer.Ordinal));
            Assert.True(own.PublishedAt > parent.PublishedAt);
        });
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task One_product_baseline_leaves_a_line_out_with_its_reason_and_another_decides_a_control_not_needed(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var products = await db.Products.Where(p => p.IsDemo).ToDictionaryAsync(p => p.Name, Ct);
        var baselines = await db.Baselines.Include(b => b.Items).Include(b => b.Decisions).Where(b => b.ProductId != null).ToListAsync(Ct);

        var nas = baselines.Single(b => b.ProductId == products[Nas].Id);
        var excluded = Assert.Single(nas.Items, i => i.Excluded);
        Assert.Equal("etsi-en-303-645/5.10-1", excluded.Key);
        Assert.False(excluded.Inherited);
        Assert.Contains("テレメトリ", excluded.ExclusionReason, StringComparison.Ordinal);
        Assert.Contains("telemetry", excluded.ExclusionReason, StringComparison.Ordinal);

        var controller = baselines.Single(b => b.ProductId == products[Controller].Id);
        var decision = Assert.Single(controller.Decisions);
        Assert.Equal("personal-data", decision.ControlId);
        Assert.False(decision.Needed);
        Assert.Contains("個人", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("person", decision.Reason, StringComparison.Ordinal);
        // 不要 leaves out the lines whose only control it is, saying so.
        var left = controller.Items.Where(i => i.Excluded).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, i =>
        {
            Assert.Equal(["personal-data"], LoadedExample.Catalog.Find(i.GuidelineId!)!.Find(i.RequirementId!)!.Controls);
            Assert.StartsWith(Baseline.TopDownPrefix, i.ExclusionReason, StringComparison.Ordinal);
        });
        // The other products keep every inherited line.
        Assert.All(baselines.Where(b => b != nas && b != controller), b => Assert.All(b.Items, i => Assert.True(i.Inherited && !i.Excluded)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Each_product_has_two_completed_assessments_of_two_versions_and_the_newer_version_scores_higher(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var scores = await LoadedExample.ScoresAsync(db);

        Assert.Equal([Controller, Camera, Nas, Meter, Router], scores.Select(s => s.Product).Distinct());
        Assert.All(scores.GroupBy(s => s.Product), product =>
        {
            var (older, newer) = (product.First(), product.Last());
            Assert.Equal(2, product.Count());
            Assert.All(product, s => Assert.NotNull(s.Assessment.CompletedAt));
            Assert.True(newer.Released > older.Released, $"{product.Key}: the later assessment is of the newer version");
            Assert.True(newer.Met > older.Met, $"{product.Key}: {newer.Met} lines met in {newer.Version}, {older.Met} in {older.Version}");
            Assert.True(newer.Rank >= older.Rank, $"{product.Key}: {newer.Version} reaches {newer.Score.Actual}, {older.Version} {older.Score.Actual}");
            Assert.All(Enum.GetValues<RequirementLevel>(), level => Assert.True(newer.Score.Levels[level].Ratio >= older.Score.Levels[level].Ratio,
                $"{product.Key}: {level} share {newer.Score.Levels[level].Ratio:P0} in {newer.Version}, {older.Score.Levels[level].Ratio:P0} in {older.Version}"));
            // Lines about parts the product lacks are not applicable, and say why.
            Assert.All(product, s => Assert.All(s.Assessment.Entries.Where(e => e.Status == ImplementationStatus.NotApplicable),
                e => Assert.Contains(" / ", e.Justification, StringComparison.Ordinal)));
        });
        Assert.Contains(scores, s => s.Assessment.Entries.Any(e => e.Status == ImplementationStatus.NotApplicable));
        Assert.Contains(scores, s => s.Assessment.Entries.Any(e => e.Status == ImplementationStatus.Partial));
    }

    /// <summary>A pattern an assessment of the example shows, in words.</summary>
    public sealed record Pattern(string Product, string Says, Func<ScoredAssessment, ScoredAssessment, bool> Holds)
    {
        public override string ToString() => $"{Product} {Says}";
    }

    public static TheoryData<Pattern> Patterns() =>
    [
        new Pattern(Router, "is strong on device and weak on management in both versions",
            (older, newer) => older.Share(IotPartGroup.Device) > older.Share(IotPartGroup.Management) && newer.Share(IotPartGroup.Device) > newer.Share(IotPartGroup.Management)),
        new Pattern(Router, "meets every MUST in 2.0 but falls short of its required SHOULD",
            (_, newer) => newer.Version == "2.0" && newer.Score.Actual == RequirementLevel.Must && newer.Score.Required == RequirementLevel.Should),
        new Pattern(Camera, "is weakest on platform in both versions",
            (older, newer) => new[] { older, newer }.All(s => s.Score.Groups.MinBy(g => g.Value.Ratio).Key == IotPartGroup.Platform)),
        new Pattern(Camera, "still misses MUST in 4.0",
            (_, newer) => newer.Version == "4.0" && newer.Score.Actual is null),
        new Pattern(Nas, "meets its required SHOULD in 5.0 but not in 4.1",
            (older, newer) => newer.Version == "5.0" && newer.Score.Required == RequirementLevel.Should && newer.Score.MeetsRequired && !older.Score.MeetsRequired),
        new Pattern(Meter, "meets its required BETTER in 2.0, and only MUST in 1.3",
            (older, newer) => newer.Score.Required == RequirementLevel.Better && newer.Score.MeetsRequired && older.Score.Actual == RequirementLevel.Must),
        new Pattern(Controller, "misses MUST in 7.0 and meets its required level in 7.1",
            (older, newer) => older.Version == "7.0" && older.Score.Actual is null && newer.Score.MeetsRequired),
    ];

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task The_assessments_show_realistic_patterns(Pattern pattern)
    {
        await using var db = await example.OpenAsync(DatabaseProvider.Sqlite);
        var product = (await LoadedExample.ScoresAsync(db)).Where(s => s.Product == pattern.Product).ToList();

        Assert.True(pattern.Holds(product[0], product[1]), pattern.ToString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task In_the_newest_versions_at_least_one_product_reaches_its_required_level_and_two_fall_short(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var newest = (await LoadedExample.ScoresAsync(db)).GroupBy(s => s.Product).Select(g => g.Last()).ToList();

        Assert.True(newest.Any(s => s.Score.MeetsRequired), "meeting: " + string.Join(", ", newest.Where(s => s.Score.MeetsRequired).Select(s => s.Product)));
        Assert.True(newest.Count(s => !s.Score.MeetsRequired) >= 2, "short: " + string.Join(", ", newest.Where(s => !s.Score.MeetsRequired).Select(s => s.Product)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Cases_stand_in_several_states_and_the_one_exploited_on_an_EU_product_runs_the_CRA_clocks(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var cases = await db.Cases.IgnoreQueryFilters().Include(c => c.Transitions).Include(c => c.Comments).ToListAsync(Ct);
        var products = await db.Products.Where(p => p.IsDemo).ToDictionaryAsync(p => p.Id, Ct);

        Assert.All(cases, c => Assert.True(c.IsDemo));
        Assert.True(cases.Select(c => c.State).Distinct().Count() >= 3, string.Join(", ", cases.Select(c => c.State)));
        Assert.Contains(cases, c => c.State == CaseState.Closed);
        Assert.Contains(cases, c => c.State == CaseState.Received);
        // Every case past triage belongs to a demo product's unit and has a vector that scores.
        Assert.All(cases.Where(c => c.State is not (CaseState.Received or CaseState.Acknowledged)), c =>
        {
            Assert.True(products.ContainsKey(c.ProductId!.Value));
            Assert.Equal(products[c.ProductId.Value].BusinessUnitId, c.BusinessUnitId);
        });
        Assert.All(cases.Where(c => c.CvssVector is not null), c => Assert.True(CvssVector.TryParse(c.CvssVector, out _), c.CvssVector));
        Assert.True(cases.Count(c => c.CvssVector is not null) >= 3);

        var exploited = Assert.Single(cases, c => c.ExploitedSince is not null);
        var product = products[exploited.ProductId!.Value];
        Assert.Contains("EU", product.Markets);
        var clocks = CraClock.For(exploited, productOnEuMarket: true, LoadedExample.Now.UtcDateTime);
        Assert.Contains(clocks, d => d.Status == CraReportStatus.Due);
        Assert.Contains(clocks, d => d.Status == CraReportStatus.Submitted && d.Kind == CraReportKind.EarlyWarning);
        // In time order, the transitions follow the workflow from the report on, all before the example was loaded.
        Assert.All(cases, c =>
        {
            var steps = c.Transitions.OrderBy(t => t.At).ToList();
            Assert.Equal([null, .. steps.SkipLast(1).Select(t => (CaseState?)t.To)], steps.Select(t => t.From));
            Assert.All(steps.Skip(1), t => Assert.Contains(t.To, CaseWorkflow.NextOf(t.From!.Value)));
            Assert.Equal(c.State, steps[^1].To);
        });
        Assert.All(cases.SelectMany(c => c.Transitions), t => Assert.True(t.At <= LoadedExample.Now.UtcDateTime));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task There_is_one_incident_with_its_timeline_and_statements_in_both_languages(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var incident = Assert.Single(await db.Incidents.IgnoreQueryFilters()
            .Include(i => i.Timeline).Include(i => i.Notifications).Include(i => i.Statements).Include(i => i.Transitions).ToListAsync(Ct));
        var exploited = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.ExploitedSince != null, Ct);

        Assert.True(incident.IsDemo);
        Assert.Equal(exploited.Id, incident.CaseId);
        Assert.Equal(exploited.ProductId, incident.ProductId);
        Assert.Equal(IncidentState.Contained, incident.State);
        Assert.Contains(incident.Timeline, e => e.Kind == TimelineKind.Action);
        Assert.NotEmpty(incident.Notifications);
        Assert.Equal(["en", "ja"], incident.Statements.Select(s => s.Language).Order(StringComparer.Ordinal));
        Assert.Equal(StatementStatus.Approved, incident.StatementIn("ja")!.Status);
        Assert.Contains("HR-300", incident.StatementIn("en")!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task The_FIRST_maturity_self_assessment_is_completed_with_every_service_answered_at_a_middle_level(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var assessment = Assert.Single(await db.MaturityAssessments.Include(a => a.Answers).ToListAsync(Ct));

        Assert.True(assessment.IsDemo);
        Assert.True(assessment.IsCompleted);
        Assert.Equal(LoadedExample.Framework.Services.Select(s => s.Id).Order(StringComparer.Ordinal), assessment.Answers.Select(a => a.ServiceId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(assessment.Answers, a => a.Practice == ServicePractice.NotAssessed);
        var overall = MaturityScore.Overall(assessment);
        Assert.InRange(overall!.Value, 0.3m, 0.7m);
        Assert.Contains(assessment.Answers, a => a.Practice == ServicePractice.InPlace);
        Assert.Contains(assessment.Answers, a => a.Practice == ServicePractice.NotInPlace);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task There_are_a_coordinator_a_researcher_a_supplier_and_a_training_course_assigned_to_a_role(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var stakeholders = await db.Stakeholders.ToListAsync(Ct);
        var course = Assert.Single(await db.TrainingCourses.ToListAsync(Ct));
        var assignment = Assert.Single(await db.TrainingAssignments.ToListAsync(Ct));

        Assert.All(stakeholders, s => Assert.True(s.IsDemo));
        Assert.Subset(stakeholders.Select(s => s.Kind).ToHashSet(), new HashSet<StakeholderKind> { StakeholderKind.Coordinator, StakeholderKind.Researcher, StakeholderKind.Supplier });
        Assert.NotEmpty(stakeholders.Single(s => s.Kind == StakeholderKind.Supplier).PurlKeys);
        var exploited = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.ExploitedSince != null, Ct);
        Assert.Equal(exploited.ReporterEmail, stakeholders.Single(s => s.Kind == StakeholderKind.Researcher).Email);
        Assert.Equal(course.Id, assignment.CourseId);
        Assert.Equal(AssignmentTarget.Role, assignment.Target);
        Assert.NotNull(LoadedExample.Framework.Service(course.FirstServiceId!));
        Assert.True(course.IsDemo);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Texts_are_written_in_Japanese_and_English(DatabaseProvider provider)
    {
        await using var db = await example.OpenAsync(provider);
        var texts = new List<string>();
        texts.AddRange(await db.Cases.IgnoreQueryFilters().Select(c => c.Title + "\n" + c.Description).ToListAsync(Ct));
        texts.AddRange(await db.Incidents.IgnoreQueryFilters().Select(i => i.Title + "\n" + i.Summary).ToListAsync(Ct));
        texts.AddRange(await db.TrainingCourses.Select(c => c.TitleJa + "\n" + c.TitleEn + "\n" + c.Description).ToListAsync(Ct));
        texts.AddRange(await db.Stakeholders.Select(s => s.NameJa + "\n" + s.NameEn + "\n" + s.Notes).ToListAsync(Ct));
        texts.AddRange(await db.MaturityAssessments.Select(m => m.Title).ToListAsync(Ct));

        Assert.All(texts, t =>
        {
            Assert.Contains(t, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
            Assert.Matches("[A-Za-z]{4,} [A-Za-z]{3,}", t);
        });
    }
}
