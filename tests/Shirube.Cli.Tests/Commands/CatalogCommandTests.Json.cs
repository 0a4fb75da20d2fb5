using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shirube.Cli.Tests.Support;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;

namespace Shirube.Cli.Tests.Commands;

// "catalog list|matrix|validate" in the forms scripts read: JSON, Markdown and CSV.
public sealed partial class CatalogCommandTests
{
    private static readonly string[] GroupKeys = ["device", "network", "platform", "management"];

    /// <summary>The catalog files of the repository, each read on its own through the Formats reader, with its YAML text.</summary>
    private static List<(Guideline Guideline, string Yaml)> ReadCatalogFiles() =>
        [.. Directory.EnumerateFiles(CatalogsFolder(), "*.yaml")
            .Where(f => Path.GetFileName(f) != BundledCatalog.ControlsFile)
            .Select(f => File.ReadAllText(f))
            .Select(yaml => (CatalogYamlReader.ReadGuideline(yaml, "test.yaml"), yaml))];

    private static string TopLevel(string yaml, string key) =>
        Regex.Match(yaml, $@"^{key}: (\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public async Task Catalog_list_as_json_gives_every_shipped_catalog_with_its_counts()
    {
        var run = await CliRunner.RunAsync("catalog", "list", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var listed = run.Json().AsArray().Select(n => n!.AsObject()).ToList();
        var files = ReadCatalogFiles();
        Assert.Equal(files.Select(f => f.Guideline.Id).Order(StringComparer.Ordinal), listed.Select(n => (string)n["id"]!).Order(StringComparer.Ordinal));
        Assert.All(listed, entry =>
        {
            Assert.Equal(["id", "name", "issuer", "region", "kind", "year", "requirements", "unverified"], CliRun.Keys(entry));
            Assert.Equal(["ja", "en"], CliRun.Keys(entry["name"]));
            var (g, yaml) = files.Single(f => f.Guideline.Id == (string)entry["id"]!);
            Assert.Equal((g.Name.Ja, g.Name.En), ((string)entry["name"]!["ja"]!, (string)entry["name"]!["en"]!));
            Assert.Equal(g.Issuer, (string)entry["issuer"]!);
            Assert.Equal(TopLevel(yaml, "region"), (string)entry["region"]!);
            Assert.Equal(TopLevel(yaml, "kind"), (string)entry["kind"]!);
            Assert.Equal(int.Parse(TopLevel(yaml, "year"), CultureInfo.InvariantCulture), (int)entry["year"]!);
            Assert.Equal(g.Requirements.Count, (int)entry["requirements"]!);
            // verified: false on a requirement marks it; on the guideline, it marks every requirement.
            var unverified = g.Verified ? g.Requirements.Count(r => !r.Verified) : g.Requirements.Count;
            Assert.Equal(unverified, (int)entry["unverified"]!);
        });
    }

    [Fact]
    public async Task Catalog_list_counts_as_unverified_every_requirement_of_a_guideline_marked_unverified_as_a_whole()
    {
        var run = await CliRunner.RunAsync("catalog", "list", "--format", "json");

        // ipa-automotive carries verified: false at the top and on some of its requirements.
        var automotive = run.Json().AsArray().Single(n => (string)n!["id"]! == "ipa-automotive")!;
        Assert.Equal((int)automotive["requirements"]!, (int)automotive["unverified"]!);
        var psti = run.Json().AsArray().Single(n => (string)n!["id"]! == "uk-psti")!;
        Assert.Equal((3, 0), ((int)psti["requirements"]!, (int)psti["unverified"]!));
    }

    /// <summary>The body rows of the matrix table: the guideline's short name and the four cells as printed.</summary>
    private static List<string[]> TableRows(string output) =>
        [.. output.ReplaceLineEndings("\n").Split('\n')
            .Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1..^1])
            .Skip(1)];

    private static int CellCount(string cell) => cell == "-" ? 0 : int.Parse(cell.TrimStart('○', ' '), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Catalog_matrix_as_json_gives_the_counts_the_table_prints()
    {
        var json = await CliRunner.RunAsync("catalog", "matrix", "--format", "json");
        var table = await CliRunner.RunAsync("catalog", "matrix");

        Assert.Equal(0, json.ExitCode);
        var document = json.Json();
        Assert.Equal(["guidelines", "allRound", "mostDetailed"], CliRun.Keys(document));
        var guidelines = document["guidelines"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var rows = TableRows(table.Out);
        Assert.Equal(rows.Count, guidelines.Count);
        var shortNames = BundledCatalog.Load().Guidelines.ToDictionary(g => g.Id, g => g.ShortName);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(["id", "coverage"], CliRun.Keys(guidelines[i]));
            Assert.Equal(GroupKeys, CliRun.Keys(guidelines[i]["coverage"]));
            Assert.Equal(rows[i][0], shortNames[(string)guidelines[i]["id"]!]);
            Assert.Equal(rows[i][1..].Select(CellCount), GroupKeys.Select(k => (int)guidelines[i]["coverage"]![k]!));
        }
        // Column sums, and the lines under the table.
        for (var g = 0; g < GroupKeys.Length; g++)
            Assert.Equal(rows.Sum(r => CellCount(r[g + 1])), guidelines.Sum(n => (int)n["coverage"]![GroupKeys[g]]!));
        var allRound = document["allRound"]!.AsArray().Select(n => shortNames[(string)n!]);
        Assert.Contains($"All four groups: {string.Join(", ", allRound)}", table.Out, StringComparison.Ordinal);
        Assert.Equal(GroupKeys, CliRun.Keys(document["mostDetailed"]));
        foreach (var (key, label) in GroupKeys.Zip(new[] { "Device", "Network", "Platform", "Management" }))
            Assert.Contains($"Most detailed for {label}: {shortNames[(string)document["mostDetailed"]![key]!]}", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_matrix_coverage_counts_the_requirements_tagged_with_a_part_of_each_group()
    {
        var run = await CliRunner.RunAsync("catalog", "matrix", "--format", "json");

        var coverage = run.Json()["guidelines"]!.AsArray().ToDictionary(n => (string)n!["id"]!, n => n!["coverage"]!);
        var partsOfGroup = new Dictionary<string, string[]>
        {
            ["device"] = ["device"],
            ["network"] = ["network-local", "network-wide", "gateway"],
            ["platform"] = ["platform-cloud", "platform-api-data"],
            ["management"] = ["management"],
        };
        foreach (var (guideline, _) in ReadCatalogFiles())
        {
            foreach (var (group, parts) in partsOfGroup)
            {
                var count = guideline.Requirements.Count(r => r.Parts.Any(p => parts.Contains(p.ToId())));
                Assert.True(count == (int)coverage[guideline.Id][group]!, $"{guideline.Id} {group}: {count} requirements, the JSON says {coverage[guideline.Id][group]}");
            }
        }
    }

    /// <summary>RFC 4180 records: fields split at commas outside quotes, "" inside quotes is one quote, CRLF ends a record.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', $"a bare CR or LF at {i}: a record must end with CRLF");
                field.Append(c);
            }
        }
        Assert.True(field.Length == 0 && record.Count == 0, "the last record does not end with CRLF");
        return records;
    }

    [Fact]
    public async Task Catalog_matrix_as_csv_reads_back_to_the_json_counts()
    {
        var csv = await CliRunner.RunAsync("catalog", "matrix", "--format", "csv");
        var json = await CliRunner.RunAsync("catalog", "matrix", "--format", "json");

        Assert.Equal(0, csv.ExitCode);
        var records = ParseCsv(csv.Out);
        Assert.Equal(["id", "name", .. GroupKeys], records[0]);
        var guidelines = json.Json()["guidelines"]!.AsArray();
        Assert.Equal(guidelines.Count, records.Count - 1);
        var shortNames = BundledCatalog.Load().Guidelines.ToDictionary(g => g.Id, g => g.ShortName);
        foreach (var (record, entry) in records.Skip(1).Zip(guidelines))
        {
            Assert.Equal((string)entry!["id"]!, record[0]);
            Assert.Equal(shortNames[record[0]], record[1]);
            Assert.Equal(GroupKeys.Select(k => (int)entry["coverage"]![k]!), record[2..].Select(f => int.Parse(f, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Catalog_matrix_as_markdown_is_a_table_with_the_cells_of_the_terminal_table()
    {
        var md = await CliRunner.RunAsync("catalog", "matrix", "--format", "md");
        var table = await CliRunner.RunAsync("catalog", "matrix");

        Assert.Equal(0, md.ExitCode);
        var lines = md.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("| Guideline | Device | Network | Platform | Management |", lines[0]);
        Assert.Matches(@"^\|(\s*:?-+:?\s*\|){5}$", lines[1]);
        var rows = TableRows(table.Out);
        Assert.Equal(rows.Count, lines.Length - 2);
        foreach (var (line, row) in lines.Skip(2).Zip(rows))
        {
            Assert.StartsWith("| ", line, StringComparison.Ordinal);
            Assert.EndsWith(" |", line, StringComparison.Ordinal);
            Assert.Equal(row, line[2..^2].Split(" | "));
        }
    }

    [Fact]
    public async Task Catalog_validate_as_json_of_the_repository_catalogs_finds_nothing_and_counts_them()
    {
        var run = await CliRunner.RunAsync("catalog", "validate", CatalogsFolder(), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var document = run.Json();
        Assert.Equal(["findings", "summary"], CliRun.Keys(document));
        Assert.Empty(document["findings"]!.AsArray());
        var summary = document["summary"]!;
        Assert.Equal(["valid", "errors", "catalogs", "requirements", "unverified", "commonControls"], CliRun.Keys(summary));
        var files = ReadCatalogFiles();
        Assert.True((bool)summary["valid"]!);
        Assert.Equal(0, (int)summary["errors"]!);
        Assert.Equal(files.Count, (int)summary["catalogs"]!);
        Assert.Equal(files.Sum(f => f.Guideline.Requirements.Count), (int)summary["requirements"]!);
        var controls = CatalogYamlReader.ReadControls(File.ReadAllText(Path.Combine(CatalogsFolder(), BundledCatalog.ControlsFile)), BundledCatalog.ControlsFile);
        Assert.Equal(controls.Count, (int)summary["commonControls"]!);
    }

    [Fact]
    public async Task Catalog_validate_as_json_lists_a_wrong_count_as_an_error_finding_and_exits_one()
    {
        var run = await ValidateEditedPstiAsync("expectedCount: 3", "expectedCount: 4", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(run.Json()["findings"]!.AsArray())!;
        Assert.Equal(["catalog", "severity", "code", "message", "where"], CliRun.Keys(finding));
        Assert.Equal(("uk-psti", "error", "countMismatch", "uk-psti: 3 requirements, but the source has 4."),
            ((string)finding["catalog"]!, (string)finding["severity"]!, (string)finding["code"]!, (string)finding["message"]!));
        Assert.Null(finding["where"]);
        var summary = run.Json()["summary"]!;
        Assert.Equal((false, 1, 1, 3), ((bool)summary["valid"]!, (int)summary["errors"]!, (int)summary["catalogs"]!, (int)summary["requirements"]!));
    }

    [Fact]
    public async Task Catalog_validate_as_json_names_the_requirement_of_a_finding()
    {
        var run = await ValidateEditedPstiAsync("controls: [vulnerability-disclosure]", "controls: [no-such-control]", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(run.Json()["findings"]!.AsArray())!;
        Assert.Equal(("uk-psti", "unknownControl", "Sch1-2"), ((string)finding["catalog"]!, (string)finding["code"]!, (string)finding["where"]!));
    }

    [Fact]
    public async Task Catalog_validate_as_json_reports_a_file_that_cannot_be_read_with_its_place_and_no_counts()
    {
        var run = await ValidateEditedPstiAsync("parts: [device]", "parts: [toaster]", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(run.Json()["findings"]!.AsArray())!;
        Assert.Equal(("uk-psti", "error", "unreadable", "/requirements/0/parts/0"),
            ((string)finding["catalog"]!, (string)finding["severity"]!, (string)finding["code"]!, (string)finding["where"]!));
        Assert.StartsWith("uk-psti.yaml, at /requirements/0/parts/0: ", (string)finding["message"]!, StringComparison.Ordinal);
        var summary = run.Json()["summary"]!;
        Assert.Equal(["valid", "errors", "catalogs", "requirements", "unverified", "commonControls"], CliRun.Keys(summary));
        Assert.False((bool)summary["valid"]!);
        Assert.Null(summary["catalogs"]);
    }
}
