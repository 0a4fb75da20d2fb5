using Microsoft.EntityFrameworkCore;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

/// <summary>"shirube osv import" into the app's database, then "shirube affected" over it.</summary>
public sealed class OsvCommandTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("shirube-osv-").FullName;

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Db => ["--provider", "Sqlite", "--connection", _database.ConnectionString];

    private static string Record(string id, string fixedIn) => $$"""
        {"schema_version":"1.6.0","id":"{{id}}","modified":"2025-03-01T00:00:00Z","aliases":["CVE-2025-{{id[^4..]}}"],
         "affected":[{"package":{"ecosystem":"Go","name":"golang.org/x/net"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"{{fixedIn}}"}]}]}]}
        """;

    // The example portfolio, and an SBOM imported with "sbom import" on the router's latest version: golang.org/x/net 0.20.0.
    private async Task<string> SeedAsync()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["demo", "load", .. Db])).ExitCode);
        string version;
        await using (var db = _database.Open())
        {
            var product = await db.Products.Include(p => p.Versions).SingleAsync(p => p.Name == "Wi-Fi home router HR-300");
            version = product.Versions.OrderBy(v => v.Version, StringComparer.Ordinal).Last().Version;
        }
        var bom = Path.Combine(_folder, "router.cdx.json");
        await File.WriteAllTextAsync(bom, """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "components":[{"type":"library","bom-ref":"net","name":"golang.org/x/net","version":"v0.20.0","purl":"pkg:golang/golang.org/x/net@v0.20.0"}]}
            """, TestContext.Current.CancellationToken);
        var import = await CliRunner.RunAsync(["sbom", "import", bom, "--product", "Wi-Fi home router HR-300", "--version", version, .. Db, "--format", "json"]);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(("Wi-Fi home router HR-300", version, "cyclonedx", 1, 0), ((string)import.Json()["product"]!, (string)import.Json()["version"]!,
            (string)import.Json()["format"]!, (int)import.Json()["components"]!, (int)import.Json()["added"]!));
        return version;
    }

    [Fact]
    public async Task Importing_an_SBOM_for_a_version_the_product_lacks_names_the_versions_it_has()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["demo", "load", .. Db])).ExitCode);
        var bom = Path.Combine(_folder, "x.cdx.json");
        await File.WriteAllTextAsync(bom, """{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[]}""", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync(["sbom", "import", bom, "--product", "Wi-Fi home router HR-300", "--version", "9.9", .. Db]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no version '9.9'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_directory_stores_every_record_matches_the_version_that_carries_the_package_and_a_second_import_changes_nothing()
    {
        var version = await SeedAsync();
        Directory.CreateDirectory(Path.Combine(_folder, "records"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "records", "GO-2025-0001.json"), Record("GO-2025-0001", "0.23.0"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "records", "GO-2025-0002.json"), Record("GO-2025-0002", "0.19.0"), TestContext.Current.CancellationToken);

        var first = await CliRunner.RunAsync(["osv", "import", Path.Combine(_folder, "records"), .. Db, "--format", "json"]);
        var again = await CliRunner.RunAsync(["osv", "import", Path.Combine(_folder, "records"), .. Db, "--format", "json"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["records", "added", "updated", "unchanged", "versionsReevaluated", "newFindings"], CliRun.Keys(first.Json()));
        Assert.Equal((2, 2, 1, 1), ((int)first.Json()["records"]!, (int)first.Json()["added"]!, (int)first.Json()["versionsReevaluated"]!, (int)first.Json()["newFindings"]!));
        Assert.Equal((0, 2, 0), ((int)again.Json()["added"]!, (int)again.Json()["unchanged"]!, (int)again.Json()["newFindings"]!));

        var byCve = await CliRunner.RunAsync(["affected", "CVE-2025-0001", .. Db, "--format", "json"]);
        var byPurl = await CliRunner.RunAsync(["affected", "pkg:golang/golang.org/x/net", .. Db, "--format", "json"]);
        var fixedOne = await CliRunner.RunAsync(["affected", "GO-2025-0002", .. Db, "--format", "json"]);

        Assert.Equal(0, byCve.ExitCode);
        var hit = Assert.Single(byCve.Json()["hits"]!.AsArray())!;
        Assert.Equal(("vulnerability", "Wi-Fi home router HR-300", version, "golang.org/x/net", "v0.20.0", "GO-2025-0001"),
            ((string)byCve.Json()["kind"]!, (string)hit["product"]!, (string)hit["version"]!, (string)hit["component"]!, (string)hit["componentVersion"]!, (string)hit["vulnerability"]!));
        Assert.Equal("purl", (string)byPurl.Json()["kind"]!);
        Assert.Single(byPurl.Json()["hits"]!.AsArray());
        Assert.Empty(fixedOne.Json()["hits"]!.AsArray());
    }

    [Fact]
    public async Task A_directory_with_one_bad_record_imports_nothing_and_names_the_file_and_place()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "mixed"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "mixed", "GO-2025-0001.json"), Record("GO-2025-0001", "0.23.0"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "mixed", "GO-2025-0003.json"), """{"id":"GO-2025-0003","modified":"yesterday"}""", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync(["osv", "import", Path.Combine(_folder, "mixed"), .. Db]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GO-2025-0003.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", run.Error, StringComparison.Ordinal);
        await using var db = _database.Open();
        Assert.False(await db.Database.CanConnectAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any() && await db.Vulnerabilities.AnyAsync());
    }
}
