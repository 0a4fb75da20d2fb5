using Microsoft.EntityFrameworkCore;
using Shirube.Data.Components;
using Shirube.Domain.Components;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Packages;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Testing;

namespace Shirube.Data.Tests.Components;

public class ComponentStorageTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static SbomComponent Component(string name, string version, string? purl = null, string? cpe = null) => new($"{name}@{version}", name)
    {
        Version = version,
        Purl = purl is null ? null : PackageUrl.Parse(purl),
        Cpe = cpe is null ? null : Cpe.Parse(cpe),
        Licences = ["MIT"],
        Hashes = [new SbomHash("SHA-256", "0f1e")],
    };

    private static Sbom Document(string name, params SbomComponent[] components) => new(SbomFormat.Spdx, "2.3")
    {
        Name = name,
        Components = components,
        Dependencies = [.. components.Skip(1).Select(c => new SbomDependency(components[0].Ref, c.Ref)), new SbomDependency(components[0].Ref, "SPDXRef-unknown")],
    };

    private static async Task<(Product Product, ProductVersion Version)> ProductAsync(TestDatabase database, string unitCode, string name)
    {
        await using var db = database.NewContext();
        var unit = BusinessUnit.Create(unitCode, unitCode, unitCode);
        var product = Product.Create(unit.Id, name, "A", [IotPart.Device]);
        var version = product.AddVersion("1.0", null, null);
        db.BusinessUnits.Add(unit);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product, version);
    }

    private static ProductSbom Import(Product product, ProductVersion version, Sbom sbom) =>
        ProductSbom.Import(product.BusinessUnitId, product.Id, version.Id, sbom, $"/uploads/{sbom.Name}.spdx.json", "hana", Now);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_reimport_replaces_the_versions_SBOM_with_its_components_and_edges_and_the_audit_log_keeps_the_SBOM_rows_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (product, version) = await ProductAsync(database, "HOME", "HR-300");
        await using (var db = database.NewContext())
            await SbomStore.ReplaceAsync(db, Import(product, version, Document("first", Component("fw", "1.0"), Component("openssl", "1.1.1k", "pkg:deb/debian/openssl@1.1.1k"), Component("zlib", "1.2.11"))));
        await using (var db = database.NewContext())
            await SbomStore.ReplaceAsync(db, Import(product, version, Document("second", Component("fw", "1.0"), Component("openssl", "3.0.13", "pkg:deb/debian/openssl@3.0.13"))));

        await using var read = database.NewContext();
        var sbom = await read.Sboms.Include(s => s.Components).Include(s => s.Dependencies).SingleAsync();
        Assert.Equal(("second", "second.spdx.json", "hana", SbomFormat.Spdx, "2.3"), (sbom.Name, sbom.FileName, sbom.ImportedBy, sbom.Format, sbom.SpecVersion));
        Assert.Equal((2, 1, 0, 1), (sbom.ComponentCount, sbom.WithPurl, sbom.WithCpe, sbom.DependencyCount));
        Assert.Equal(["fw 1.0", "openssl 3.0.13"], sbom.Components.Select(c => $"{c.Name} {c.Version}").Order(StringComparer.Ordinal));
        // The old components and edges went with the old SBOM.
        Assert.Equal(2, await read.SbomComponents.CountAsync());
        Assert.Equal(1, await read.SbomDependencies.CountAsync());
        var openssl = sbom.Components.Single(c => c.Name == "openssl");
        Assert.Equal(("debian", "openssl", "pkg:deb/debian/openssl"), (openssl.Ecosystem, openssl.NormalizedName, openssl.PurlBase));
        Assert.Equal(["MIT"], openssl.Licences);
        Assert.Equal(["SHA-256:0f1e"], openssl.Hashes);
        var audited = await read.AuditEntries.Select(a => new { a.EntityType, a.Action }).ToListAsync();
        Assert.Equal(2, audited.Count(a => a.EntityType == nameof(ProductSbom) && a.Action == Domain.Auditing.AuditAction.Created));
        Assert.Single(audited, a => a.EntityType == nameof(ProductSbom) && a.Action == Domain.Auditing.AuditAction.Deleted);
        Assert.DoesNotContain(audited, a => a.EntityType is nameof(ProductComponent) or nameof(ComponentDependency));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Components_findings_and_their_audit_entries_are_seen_only_in_the_products_business_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (router, routerVersion) = await ProductAsync(database, "HOME", "HR-300");
        var (meter, meterVersion) = await ProductAsync(database, "INFRA", "SM-10");
        var record = new VulnerabilityRecord("CVE-2022-48174", VulnerabilitySource.Nvd, new DateTimeOffset(Now));
        await using (var db = database.NewContext())
        {
            foreach (var (product, version) in new[] { (router, routerVersion), (meter, meterVersion) })
            {
                var sbom = Import(product, version, Document(product.Name, Component("fw", "1.0"), Component("busybox", "1.35.0")));
                await SbomStore.ReplaceAsync(db, sbom);
                db.Findings.Add(Finding.Detect(product.BusinessUnitId, product.Id, version.Id, new ComponentMatch(sbom.ToSbomComponents()[1], record, "test"), "system", Now));
            }
            await db.SaveChangesAsync();
        }

        // What the actor sees, as one line: SBOMs, components, products of the findings, audit entries of findings.
        async Task<string> Seen(ICurrentActor actor)
        {
            await using var db = database.NewContext(actor);
            var sboms = await db.Sboms.Select(s => s.Name!).ToListAsync();
            var findings = await db.Findings.Select(f => f.ProductId).ToListAsync();
            return $"{string.Join(",", sboms)} | {await db.SbomComponents.CountAsync()} | {string.Join(",", findings)} | {await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Finding))}";
        }

        Assert.Equal($"HR-300 | 2 | {router.Id} | 1", await Seen(TestActor.InUnits("home", router.BusinessUnitId)));
        Assert.Equal($"SM-10 | 2 | {meter.Id} | 1", await Seen(TestActor.InUnits("infra", meter.BusinessUnitId)));
        Assert.Equal(" | 0 |  | 0", await Seen(TestActor.InUnits("nobody")));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_stored_record_reads_back_whole_and_only_a_newer_version_replaces_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var modified = new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var osv = new VulnerabilityRecord("GHSA-jfh8-c2jp-5v3q", VulnerabilitySource.Osv, modified)
        {
            Aliases = ["CVE-2021-44228"],
            Summary = "Remote code injection in Log4j",
            Severity = [new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")],
            Affected =
            [
                new AffectedPackage("Maven", "org.apache.logging.log4j:log4j-core")
                {
                    Purl = PackageUrl.Parse("pkg:maven/org.apache.logging.log4j/log4j-core"),
                    Ranges = [new AffectedRange(RangeType.Ecosystem, [new RangeEvent(RangeEventKind.Introduced, "2.0-beta9"), new RangeEvent(RangeEventKind.Fixed, "2.15.0")])],
                },
            ],
        };
        var nvd = new VulnerabilityRecord("CVE-2021-44228", VulnerabilitySource.Nvd, modified)
        {
            Configurations =
            [
                new CpeConfiguration(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false,
                    [new CpeMatch(Cpe.Parse("cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*"), true) { VersionStartIncluding = "2.0.1", VersionEndExcluding = "2.12.2" }])]),
            ],
        };
        await using (var db = database.NewContext())
        {
            var first = await VulnerabilityStore.UpsertAsync(db, [osv, nvd]);
            Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        }

        await using (var db = database.NewContext())
        {
            var loaded = (await VulnerabilityStore.LoadAllAsync(db)).OrderBy(r => r.Source).ToList();
            var back = loaded[0];
            Assert.Equal((osv.Id, osv.Source, osv.Modified, "Remote code injection in Log4j"), (back.Id, back.Source, back.Modified, back.Summary));
            Assert.Equal(["CVE-2021-44228"], back.Aliases);
            Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core", back.Affected.Single().Purl?.ToString());
            Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "2.0-beta9"), new RangeEvent(RangeEventKind.Fixed, "2.15.0")], back.Affected.Single().Ranges.Single().Events);
            var match = loaded[1].Configurations.Single().Nodes.Single().Matches.Single();
            Assert.Equal(("cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*", true, "2.0.1", "2.12.2"), (match.Criteria.ToString(), match.Vulnerable, match.VersionStartIncluding, match.VersionEndExcluding));
            var stored = await db.Vulnerabilities.SingleAsync(v => v.Id == osv.Id);
            Assert.Equal(10.0m, stored.CvssScore);
            Assert.Equal(["maven org.apache.logging.log4j:log4j-core"], await db.VulnerabilityPackages.Where(p => p.RecordId == osv.Id).Select(p => p.Ecosystem + " " + p.Name).ToListAsync());
            Assert.Equal(["cpe apache:log4j"], await db.VulnerabilityPackages.Where(p => p.RecordId == nvd.Id).Select(p => p.Ecosystem + " " + p.Name).ToListAsync());
        }

        await using (var db = database.NewContext())
        {
            // The same data again changes nothing; a newer version of one record replaces it, and its aliases with it.
            var again = await VulnerabilityStore.UpsertAsync(db, [osv, nvd]);
            Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
            var withdrawn = osv with { Modified = modified.AddDays(3), Withdrawn = modified.AddDays(3), Aliases = ["CVE-2021-44228", "PYSEC-2099-1"] };
            var newer = await VulnerabilityStore.UpsertAsync(db, [withdrawn]);
            Assert.Equal((0, 1, 0), (newer.Added, newer.Updated, newer.Unchanged));
        }

        await using (var read = database.NewContext())
        {
            Assert.Equal(["CVE-2021-44228", "PYSEC-2099-1"], (await read.VulnerabilityAliases.Where(a => a.RecordId == osv.Id).Select(a => a.Alias).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.True((await VulnerabilityStore.LoadAllAsync(read)).Single(r => r.Id == osv.Id).IsWithdrawn);
            Assert.Empty(await read.AuditEntries.Where(a => a.EntityType == nameof(StoredVulnerability)).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_new_record_names_exactly_the_versions_whose_components_carry_its_package(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (router, routerVersion) = await ProductAsync(database, "HOME", "HR-300");
        var (meter, meterVersion) = await ProductAsync(database, "INFRA", "SM-10");
        var (camera, cameraVersion) = await ProductAsync(database, "CAM", "CM-1");
        await using (var db = database.NewContext())
        {
            await SbomStore.ReplaceAsync(db, Import(router, routerVersion, Document("r", Component("fw", "1"), Component("Django", "4.2.0", "pkg:pypi/Django@4.2.0"))));
            await SbomStore.ReplaceAsync(db, Import(meter, meterVersion, Document("m", Component("fw", "1"), Component("kernel", "5.10", cpe: "cpe:2.3:o:linux:linux_kernel:5.10:*:*:*:*:*:*:*"))));
            await SbomStore.ReplaceAsync(db, Import(camera, cameraVersion, Document("c", Component("fw", "1"), Component("flask", "2.0", "pkg:pypi/flask@2.0"))));
        }
        var django = new VulnerabilityRecord("PYSEC-2023-100", VulnerabilitySource.Osv, new DateTimeOffset(Now)) { Affected = [new AffectedPackage("PyPI", "django")] };
        var kernel = new VulnerabilityRecord("CVE-2024-1086", VulnerabilitySource.Nvd, new DateTimeOffset(Now))
        {
            Configurations = [new CpeConfiguration(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false, [new CpeMatch(Cpe.Parse("cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*"), true)])])],
        };

        await using var read = database.NewContext();
        Assert.Equal([routerVersion.Id], await VulnerabilityStore.VersionsNamedByAsync(read, django));
        Assert.Equal([meterVersion.Id], await VulnerabilityStore.VersionsNamedByAsync(read, kernel));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_findings_triage_and_history_are_stored_with_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (router, version) = await ProductAsync(database, "HOME", "HR-300");
        var record = new VulnerabilityRecord("GHSA-xq3w-v528-46rv", VulnerabilitySource.Osv, new DateTimeOffset(Now))
        {
            Aliases = ["CVE-2021-3711"],
            Severity = [new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")],
        };
        var id = Guid.Empty;
        await using (var db = database.NewContext())
        {
            var finding = Finding.Detect(router.BusinessUnitId, router.Id, version.Id, new ComponentMatch(Component("openssl", "1.1.1k", "pkg:deb/debian/openssl@1.1.1k"), record, "listed"), "system", Now);
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
            id = finding.Id;
        }
        await using (var db = database.NewContext())
        {
            var finding = await db.Findings.SingleAsync(f => f.Id == id);
            finding.Triage(FindingState.NotAffected, FindingJustification.ProtectedByCompiler, "Built with FORTIFY_SOURCE=3", "hana", Now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var stored = await read.Findings.Include(f => f.History).SingleAsync(f => f.Id == id);
        Assert.Equal((FindingState.NotAffected, FindingJustification.ProtectedByCompiler, "Built with FORTIFY_SOURCE=3"), (stored.State, stored.Justification, stored.Detail));
        Assert.Equal(("CVE-2021-3711", 9.8m, Domain.Scoring.CvssSeverity.Critical), (stored.CveId, stored.CvssScore, stored.Severity));
        Assert.Equal(["CVE-2021-3711"], stored.Aliases);
        Assert.Equal([(FindingAction.Detected, FindingState.InTriage, "system"), (FindingAction.Triaged, FindingState.NotAffected, "hana")],
            stored.History.OrderBy(h => h.At).Select(h => (h.Action, h.State, h.By)));
    }
}
