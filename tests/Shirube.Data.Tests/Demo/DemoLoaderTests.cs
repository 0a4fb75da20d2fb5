using Microsoft.EntityFrameworkCore;
using Shirube.Data.Demo;
using Shirube.Domain.Baselines;
using Shirube.Domain.Cases;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Incidents;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;
using Shirube.Domain.Training;
using Shirube.Testing;

namespace Shirube.Data.Tests.Demo;

public class DemoLoaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => LoadedExample.Now.UtcDateTime;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Loading_says_what_it_created_and_loading_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DemoResult loaded;
        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            loaded = await LoadedExample.LoadAsync(db);
        var before = await RowsPerTableAsync(database);

        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            Assert.Equal(new DemoResult(0, 0), await LoadedExample.LoadAsync(db));

        Assert.Equal(before, await RowsPerTableAsync(database));
        await using var check = database.NewContext();
        Assert.Equal(loaded, await DemoLoader.CountAsync(check, Ct));
        Assert.Equal((2, 5, 10, 10, 5, 1, 1), (loaded.BusinessUnits, loaded.Products, loaded.Baselines, loaded.Assessments, loaded.Cases, loaded.Incidents, loaded.MaturityAssessments));
        Assert.True(loaded.Stakeholders >= 3);
        Assert.Equal(1, loaded.TrainingCourses);
        Assert.Equal(before["Baselines"], loaded.Baselines);
        Assert.Equal(before["Assessments"], loaded.Assessments);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Removing_the_example_removes_all_of_it_and_nothing_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var own = await AddOwnDataAsync(database);
        var before = await RowsPerTableAsync(database);

        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            await LoadedExample.LoadAsync(db);
        var loaded = await RowsPerTableAsync(database);
        DemoResult removed;
        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            removed = await DemoLoader.RemoveAsync(db, Ct);

        // Every table the example wrote to grew, and is back to what it was; the audit log keeps the history.
        var after = await RowsPerTableAsync(database);
        Assert.All(before.Keys.Where(t => t != "AuditEntries"), table => Assert.Equal((table, before[table]), (table, after[table])));
        Assert.All(["BusinessUnits", "Products", "ProductVersions", "Baselines", "BaselineItems", "BaselineSnapshots", "BaselineControlDecisions", "Assessments",
            "AssessmentEntries", "Cases", "CaseTransitions", "CaseComments", "Incidents", "IncidentTimeline", "IncidentNotifications", "IncidentStatements",
            "MaturityAssessments", "MaturityAnswers", "Stakeholders", "TrainingCourses", "TrainingAssignments"],
            table => Assert.True(loaded[table] > before[table], $"{table}: {before[table]} before, {loaded[table]} loaded"));
        Assert.True(after["AuditEntries"] > loaded["AuditEntries"]);
        Assert.Equal((2, 5, 10, 10, 5), (removed.BusinessUnits, removed.Products, removed.Baselines, removed.Assessments, removed.Cases));

        await using var check = database.NewContext();
        Assert.Equal(new DemoResult(0, 0), await DemoLoader.CountAsync(check, Ct));
        Assert.Equal([own.Product], await check.Products.Select(p => p.Id).ToListAsync(Ct));
        Assert.Equal(own.Baselines.Order(), (await check.Baselines.Select(b => b.Id).ToListAsync(Ct)).Order());
        Assert.Equal(own.Case, await check.Cases.IgnoreQueryFilters().Select(c => c.Id).SingleAsync(Ct));
        Assert.Equal(own.Incident, await check.Incidents.IgnoreQueryFilters().Select(i => i.Id).SingleAsync(Ct));
        Assert.Equal(own.Maturity, await check.MaturityAssessments.Select(m => m.Id).SingleAsync(Ct));
        Assert.Equal(own.Course, await check.TrainingCourses.Select(c => c.Id).SingleAsync(Ct));
        Assert.Equal(own.Stakeholders.Order(), (await check.Stakeholders.Select(s => s.Id).ToListAsync(Ct)).Order());
    }

    /// <summary>Data of one's own that depends on the example, which removing it would break or orphan.</summary>
    public sealed record Dependent(string Says, DemoRefusal Refusal, Func<ShirubeDbContext, Task> Add)
    {
        public override string ToString() => $"removal is refused while {Says}";
    }

    private static readonly Dependent[] Dependents =
    [
        new("a product of one's own sits in an example unit", DemoRefusal.OwnProductsInExampleUnits, async db =>
        {
            var home = await db.BusinessUnits.SingleAsync(u => u.Code == "HOME");
            db.Products.Add(Product.Create(home.Id, "Own hub", "A", [IotPart.Device]));
        }),
        new("a baseline of one's own inherits an example company baseline", DemoRefusal.OwnBaselinesInheritExample, async db =>
        {
            var unit = BusinessUnit.Create("OWN", "Own", "自社");
            var product = Product.Create(unit.Id, "Own hub", "A", [IotPart.Device]);
            var company = await db.Baselines.SingleAsync(b => b.ProductId == null && b.Field == "A");
            var snapshot = await db.BaselineSnapshots.SingleAsync(s => s.BaselineId == company.Id);
            db.AddRange(unit, product, Baseline.Inherit("Own hub baseline", product.Id, unit.Id, "A", snapshot));
        }),
        new("a case of one's own concerns an example product", DemoRefusal.OwnCasesOnExample, async db =>
        {
            var router = await db.Products.SingleAsync(p => p.Name == "Wi-Fi home router HR-300");
            var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet root password", "Port 23 accepts root / admin.", null, null, Now);
            c.Assign(router.Id, router.BusinessUnitId, []);
            db.Cases.Add(c);
        }),
        new("an incident of one's own is linked to an example case", DemoRefusal.OwnCasesOnExample, async db =>
        {
            var exploited = await db.Cases.SingleAsync(c => c.ExploitedSince != null);
            var incident = Incident.Open("INC-2026-001", "Routers in a botnet", "Routers are used for DDoS attacks.", IncidentSeverity.High, Now, Now, "analyst", Now);
            incident.Link(exploited.Id);
            db.Incidents.Add(incident);
        }),
    ];

    public static IEnumerable<TheoryDataRow<DatabaseProvider, Dependent>> DependentRows() =>
        from provider in DatabaseProviders.All()
        from dependent in Dependents
        select new TheoryDataRow<DatabaseProvider, Dependent>(provider.Data, dependent) { Skip = provider.Skip };

    [Theory]
    [MemberData(nameof(DependentRows))]
    public async Task Removal_is_refused_while_data_of_ones_own_depends_on_the_example(DatabaseProvider provider, Dependent dependent)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            await LoadedExample.LoadAsync(db);
        await using (var db = database.NewContext())
        {
            await dependent.Add(db);
            await db.SaveChangesAsync(Ct);
        }
        var before = await RowsPerTableAsync(database);

        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<DemoRefusedException>(() => DemoLoader.RemoveAsync(db, Ct));
            Assert.Equal(dependent.Refusal, error.Refusal);
        }

        Assert.Equal(before, await RowsPerTableAsync(database));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Loading_is_refused_when_an_example_unit_code_is_taken_and_loads_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.BusinessUnits.Add(BusinessUnit.Create("HOME", "Ours", "自社"));
            await db.SaveChangesAsync(Ct);
        }
        var before = await RowsPerTableAsync(database);
        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
        {
            var error = await Assert.ThrowsAsync<DemoRefusedException>(() => LoadedExample.LoadAsync(db));
            Assert.Equal(DemoRefusal.UnitCodeTaken, error.Refusal);
            Assert.Equal("HOME", error.UnitCode);
            Assert.Contains("'HOME'", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, await RowsPerTableAsync(database));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Loading_is_written_as_the_actor_and_the_audit_log_records_every_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var actor = new TestActor("u-1", "hanako", UnitScope.All);
        await using (var db = database.NewContext(actor, LoadedExample.Clock()))
            await LoadedExample.LoadAsync(db);

        await using var check = database.NewContext();
        var rows = await RowsPerTableAsync(database);
        var logged = await check.AuditEntries.Where(a => a.UserName == "hanako").GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(rows["AuditEntries"], logged.Sum(l => l.Count));
        Assert.Equal(rows["Assessments"], logged.Single(l => l.Key == "Assessment").Count);
        Assert.Equal(rows["Cases"], logged.Single(l => l.Key == nameof(VulnerabilityCase)).Count);
        Assert.Equal(rows["Stakeholders"], logged.Single(l => l.Key == nameof(Stakeholder)).Count);
        var assessment = await check.Assessments.FirstAsync(Ct);
        Assert.Equal("hanako", assessment.StartedBy);
        Assert.Equal(rows["TrainingCourses"], await check.TrainingCourses.CountAsync(c => c.IsDemo, Ct));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task The_course_is_assigned_to_whoever_holds_the_role_when_the_example_is_loaded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var role = new Microsoft.AspNetCore.Identity.IdentityRole(Domain.Accounts.Roles.PsirtAnalyst) { NormalizedName = "PSIRTANALYST" };
            var user = new Accounts.ShirubeUser { UserName = "ken", NormalizedUserName = "KEN", DisplayName = "Ken Ito" };
            db.AddRange(role, user, new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { RoleId = role.Id, UserId = user.Id });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.NewContext(clock: LoadedExample.Clock()))
            await LoadedExample.LoadAsync(db);

        await using var check = database.NewContext();
        var assignment = await check.TrainingAssignments.Include(a => a.Assignees).SingleAsync(Ct);
        Assert.Equal(Domain.Accounts.Roles.PsirtAnalyst, assignment.Role);
        Assert.Equal(["Ken Ito"], assignment.Assignees.Select(a => a.UserName));
        Assert.Equal(DateOnly.FromDateTime(Now).AddDays(30), assignment.DueOn);
    }

    private sealed record OwnData(Guid Product, Guid[] Baselines, Guid Case, Guid Incident, Guid Maturity, Guid Course, Guid[] Stakeholders);

    // A portfolio of one's own beside the example: a unit, a product with a version, a published company baseline of
    // field A (as the example has) and the product's baseline inheriting it, a case and an incident on the product,
    // a completed maturity assessment, a course and the default stakeholders.
    private static async Task<OwnData> AddOwnDataAsync(TestDatabase database)
    {
        await using var db = database.NewContext(clock: LoadedExample.Clock());
        var unit = BusinessUnit.Create("OWN", "Own", "自社");
        var product = Product.Create(unit.Id, "Own hub", "A", [IotPart.Device, IotPart.NetworkLocal]);
        var version = product.AddVersion("1.0", null, null);
        var etsi = LoadedExample.Catalog.Find("etsi-en-303-645")!;
        var company = Baseline.ForField("Our field A baseline", "A", [etsi], 2);
        company.Publish(Now);
        var parent = BaselineSnapshot.Of(company);
        var baseline = Baseline.Inherit("Own hub baseline", product.Id, unit.Id, "A", parent);
        baseline.Publish(Now);
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet root password", "Port 23 accepts root / admin.", product.Name, null, Now);
        c.Assign(product.Id, unit.Id, [version.Id]);
        var incident = Incident.Open("INC-2026-001", "Hubs offline", "Hubs lose their connection at night.", IncidentSeverity.Low, Now, Now, "analyst", Now);
        incident.Assign(product.Id, unit.Id, []);
        var maturity = MaturityAssessment.Start(LoadedExample.Framework, "Our self-assessment", DateOnly.FromDateTime(Now), "PSIRT", "lead", Now);
        maturity.Complete("lead", Now);
        var course = TrainingCourse.Create("Secure coding", "セキュアコーディング", null, null, 60, null, null);
        var stakeholders = Stakeholder.Defaults();
        db.AddRange(unit, product, company, parent, baseline, BaselineSnapshot.Of(baseline), c, incident, maturity, course);
        db.AddRange(stakeholders);
        await db.SaveChangesAsync(Ct);
        return new OwnData(product.Id, [company.Id, baseline.Id], c.Id, incident.Id, maturity.Id, course.Id, [.. stakeholders.Select(s => s.Id)]);
    }

    // Rows in every table of the model, counted in the database itself.
    private static async Task<Dictionary<string, int>> RowsPerTableAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // the table names come from the model, not from input
            rows[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Ct);
#pragma warning restore EF1002
        }
        return rows;
    }
}
