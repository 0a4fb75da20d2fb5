using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Testing;

namespace Shirube.Data.Tests.Disclosure;

public class AdvisoryStorageTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Advisory_PublishedAndEditedAgain_KeepsItsFixesRevisionsAndFrozenDocuments_AndOnlyItsUnitSeesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var unit = BusinessUnit.Create("HOME", "Home", "家庭");
        var other = BusinessUnit.Create("CAR", "Cars", "車載");
        var product = Product.Create(unit.Id, "HR-300", "A", [IotPart.Device]);
        var affected = product.AddVersion("2.0", null, null);
        var fixedVersion = product.AddVersion("2.1", null, null);
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet password", "Port 23 accepts a factory password.", "HR-300", null, Now);
        c.Assign(product.Id, unit.Id, [affected.Id]);
        c.RecordFixes([fixedVersion.Id]);
        var advisory = Advisory.Draft(c.Id, unit.Id, "SHIRUBE-SA-2026-0001", new AdvisoryContent
        {
            TitleJa = "ルーターの脆弱性", TitleEn = "Router vulnerability", SummaryJa = "概要", SummaryEn = "Summary", Tlp = TlpLabel.Amber,
            Fixes = [new AdvisoryFix(fixedVersion.Id, new Uri("https://example.com/fw"), new DateOnly(2026, 12, 1))],
        }, "hana", Now);
        advisory.Submit("hana");
        advisory.Approve("ken", Now);
        advisory.Publish(AdvisoryRelease.Interim, null, "ken", Now, "{\"lang\":\"ja\"}", "{\"lang\":\"en\"}");
        advisory.Edit(advisory.Content with { DetailsEn = "More details." }, "hana", Now.AddHours(1));
        await using (var db = database.NewContext())
        {
            db.AddRange(unit, other, product, c, advisory);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext(TestActor.InUnits("hana", unit.Id));
        var stored = await read.Advisories.Include(a => a.Revisions).SingleAsync();
        Assert.Equal(AdvisoryStatus.Draft, stored.Status);
        Assert.Equal(TlpLabel.Amber, stored.Tlp);
        Assert.Equal("More details.", stored.DetailsEn);
        Assert.Equal([new AdvisoryFix(fixedVersion.Id, new Uri("https://example.com/fw"), new DateOnly(2026, 12, 1))], stored.Fixes);
        var revision = Assert.Single(stored.Revisions);
        Assert.Equal((1, AdvisoryRelease.Interim, "ken", "初版"), (revision.Number, revision.Release, revision.ApprovedBy, revision.SummaryJa));
        Assert.Equal("{\"lang\":\"ja\"}", revision.Csaf("ja"));
        Assert.Null(stored.RevisionSummaryEn);
        Assert.Equal([fixedVersion.Id], (await read.Cases.SingleAsync()).FixedVersions);
        Assert.Contains(await read.AuditEntries.Select(e => e.EntityType).ToListAsync(), t => t == nameof(AdvisoryRevision));

        await using var outsider = database.NewContext(TestActor.InUnits("taro", other.Id));
        Assert.Empty(await outsider.Advisories.ToListAsync());
        Assert.DoesNotContain(await outsider.AuditEntries.Select(e => e.EntityType).ToListAsync(), t => t is nameof(Advisory) or nameof(AdvisoryRevision));
    }
}
