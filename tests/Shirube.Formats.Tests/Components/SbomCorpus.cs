using System.Text.Json;
using Shirube.Domain.Components;
using Shirube.Formats.Components;

namespace Shirube.Formats.Tests.Components;

/// <summary>One SBOM file of the shared corpora, named by its path inside the corpus folder.</summary>
public sealed record SbomFile(string Folder, string Path)
{
    public string FullPath => System.IO.Path.Combine(Folder, Path);

    public Sbom Read()
    {
        using var stream = File.OpenRead(FullPath);
        return SbomReader.Read(stream, System.IO.Path.GetFileName(Path));
    }

    public override string ToString() => Path;
}

/// <summary>The SBOM files of each corpus, as CorpusData sources.</summary>
internal static class SbomCorpus
{
    private static IEnumerable<SbomFile> Files(string folder, string under, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(folder, under), p, SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => new SbomFile(folder, Path.GetRelativePath(folder, f)));

    /// <summary>cyclonedx-spec: the specification's own test BOMs of 1.2 to 1.6 that must validate.</summary>
    public static IEnumerable<SbomFile> CycloneDxValid(string folder) =>
        new[] { "1.2", "1.3", "1.4", "1.5", "1.6" }.SelectMany(v => Files(folder, Path.Combine("tools", "src", "test", "resources", v), "valid-*.json"));

    /// <summary>cyclonedx-spec: the test BOMs that must be refused.</summary>
    public static IEnumerable<SbomFile> CycloneDxInvalid(string folder) =>
        new[] { "1.2", "1.3", "1.4", "1.5", "1.6" }.SelectMany(v => Files(folder, Path.Combine("tools", "src", "test", "resources", v), "invalid-*.json"));

    /// <summary>cyclonedx-bom-examples: every JSON file that is a CycloneDX document.</summary>
    public static IEnumerable<SbomFile> BomExamples(string folder) =>
        Files(folder, ".", "*.json").Where(f => IsCycloneDx(f.FullPath));

    /// <summary>spdx-examples: every SPDX 2 JSON and tag-value and SPDX 3 JSON-LD example.</summary>
    public static IEnumerable<SbomFile> SpdxExamples(string folder) => Files(folder, ".", "*.json", "*.spdx");

    /// <summary>spdx-ntia-docfest: the Yocto/OpenEmbedded create-spdx documents.</summary>
    public static IEnumerable<SbomFile> OpenEmbedded(string folder) => Files(folder, Path.Combine("tests", "doc_fest", "OpenEmbedded"), "*.json");

    /// <summary>spdx-ntia-docfest: the real-world SBOMs (JSON and tag-value) and the SPDX 3 set.</summary>
    public static IEnumerable<SbomFile> NtiaRealWorld(string folder) =>
        Files(folder, Path.Combine("tests", "data", "real_world_sboms"), "*.json", "*.spdx")
            .Concat(Files(folder, Path.Combine("tests", "data", "spdx3"), "*.json"))
            .Where(f => !NtiaRefused.ContainsKey(Path.GetFileName(f.Path)));

    /// <summary>
    /// The documents of spdx-ntia-docfest that are refused, and why: three are SPDX 2.1 (tag-value), which Shirube does
    /// not read; spdx_sample_01 leaves out members the SPDX 2.2 schema requires of every package (licenseConcluded,
    /// licenseDeclared, downloadLocation, copyrightText); missing_unique_identifiers is the checker's own negative
    /// case, and the SPDX 3.0.1 schema refuses it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NtiaRefused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spdx_sample_04.spdx"] = "'SPDX-2.1' is not read",
        ["spdx_sample_07.spdx"] = "'SPDX-2.1' is not read",
        ["spdx_sample_14.spdx"] = "'SPDX-2.1' is not read",
        ["spdx_sample_01.json"] = "Required properties",
        ["missing_unique_identifiers.json"] = "does not match the SPDX 3.0.1 schema",
    };

    /// <summary>spdx-ntia-docfest: the refused documents (see <see cref="NtiaRefused"/>).</summary>
    public static IEnumerable<SbomFile> NtiaRefusedFiles(string folder) =>
        Files(folder, Path.Combine("tests", "data"), "*.json", "*.spdx").Where(f => NtiaRefused.ContainsKey(Path.GetFileName(f.Path)));

    /// <summary>Every SBOM of the corpora that imports (for the export round trip).</summary>
    public static IEnumerable<SbomFile> Importable(string corpora) =>
        CycloneDxValid(Path.Combine(corpora, "cyclonedx-spec"))
            .Concat(BomExamples(Path.Combine(corpora, "cyclonedx-bom-examples")))
            .Concat(SpdxExamples(Path.Combine(corpora, "spdx-examples")))
            .Concat(OpenEmbedded(Path.Combine(corpora, "spdx-ntia-docfest")))
            .Concat(NtiaRealWorld(Path.Combine(corpora, "spdx-ntia-docfest")))
            .Concat(CveBinTool(Path.Combine(corpora, "firmware-and-embedded")));

    /// <summary>firmware-and-embedded: cve-bin-tool's CycloneDX (JSON, XML) and SPDX (JSON, tag-value) SBOMs.</summary>
    public static IEnumerable<SbomFile> CveBinTool(string folder) =>
        Files(folder, Path.Combine("cve-bin-tool", "test", "sbom"), "cyclonedx*.json", "cyclonedx*.xml", "test_triage_cyclonedx_sbom.json", "spdx*.spdx", "spdx*.spdx.json");

    private static bool IsCycloneDx(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("bomFormat", out var format) && format.ValueEquals("CycloneDX");
    }

    /// <summary>Every component of a CycloneDX JSON document counted by walking it (nested ones too), metadata.component not.</summary>
    public static int CountCycloneDxComponents(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        static int Count(JsonElement owner) =>
            owner.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Sum(c => 1 + Count(c))
                : 0;
        var root = document.RootElement;
        var subjectChildren = root.TryGetProperty("metadata", out var m) && m.TryGetProperty("component", out var s) ? Count(s) : 0;
        return Count(root) + subjectChildren;
    }
}
