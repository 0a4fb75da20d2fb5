using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class OsvReaderTests
{
    /// <summary>A corpus record and the schema's verdict on it: valid, or refused at a JSON pointer, and why that is the verdict.</summary>
    public sealed record SchemaVerdict(string File, string? RefusedAt, string Why)
    {
        public static SchemaVerdict Valid(string file, string why = "a real record") => new(file, null, why);
        public static SchemaVerdict Refused(string file, string at, string why) => new(file, at, why);
        public override string ToString() => RefusedAt is null ? $"{System.IO.Path.GetFileName(File)} is valid ({Why})" : $"{System.IO.Path.GetFileName(File)} is refused at {RefusedAt} ({Why})";
    }

    private const string Linter = "osv-schema/tools/osv-linter/testdata/";
    private const string Track = "dependency-track-testdata/vuln-data-source/osv/src/test/resources/";

    public static TheoryData<SchemaVerdict> SchemaVerdicts => new(
        SchemaVerdict.Valid(Linter + "CVE-2018-5407.json"),
        SchemaVerdict.Valid(Linter + "CVE-2023-41045.json"),
        SchemaVerdict.Valid(Linter + "GHSA-9v2f-6vcg-3hgv.json", "its version '4.36.-1' is a linter finding: the schema lets versions be any string"),
        SchemaVerdict.Valid(Linter + "GO-2020-0001.json"),
        SchemaVerdict.Valid(Linter + "GO-2024-2963.json"),
        SchemaVerdict.Valid(Linter + "MAL-2024-10238.json"),
        SchemaVerdict.Valid(Linter + "PYSEC-2023-74.json"),
        SchemaVerdict.Valid(Linter + "RHSA-2022_0216.json"),
        SchemaVerdict.Valid(Linter + "SUSE-FU-2022_0444-1.json"),
        SchemaVerdict.Valid(Linter + "nondistinct-CVE-2018-5407.json", "the linter refuses a range whose introduced and fixed are the same commit; the schema does not compare events"),
        SchemaVerdict.Valid(Linter + "nopackage-GHSA-9v2f-6vcg-3hgv.json", "the linter asks PyPI whether 'Gradi0' exists; a registry look-up is no schema matter"),
        SchemaVerdict.Refused(Linter + "nointroduced-CVE-2023-41045.json", "/affected/0/ranges/0/events", "events must contain an introduced event"),
        SchemaVerdict.Valid(Track + "osv-GHSA-77rv-6vfw-x4gc.json"),
        SchemaVerdict.Valid(Track + "osv-git-commit-hash-ranges.json"),
        SchemaVerdict.Refused(Track + "osv-git-no-upper-bound-range.json", "/", "'modified' is required"),
        SchemaVerdict.Refused(Track + "osv-vulnerability-invalid-cvss.json", "/", "it lacks modified; the first place named is the root, before its empty severity"),
        SchemaVerdict.Refused(Track + "osv-vulnerability-no-range.json", "/affected/0/package/ecosystem", "'JavaScript' is no OSV ecosystem"));

    [Theory]
    [MemberData(nameof(SchemaVerdicts))]
    public void The_schema_gives_each_corpus_record_its_verdict(SchemaVerdict verdict)
    {
        var bytes = File.ReadAllBytes(VulnerabilityCorpus.Path(verdict.File));
        var name = System.IO.Path.GetFileName(verdict.File);

        if (verdict.RefusedAt is null)
        {
            using var plain = System.Text.Json.JsonDocument.Parse(bytes);
            Assert.Equal(plain.RootElement.GetProperty("id").GetString(), OsvReader.Read(bytes, name).Id);
            return;
        }
        var e = Assert.Throws<VulnerabilityFormatException>(() => OsvReader.Read(bytes, name));
        Assert.Equal((name, verdict.RefusedAt), (e.File, e.Path));
        Assert.Contains("OSV schema", e.Reason, StringComparison.Ordinal);
    }
}
