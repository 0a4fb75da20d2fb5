namespace Shirube.Domain.Tests.Versions;

/// <summary>One line "A OP B" of OSV's version-ordering fixtures, checked in one ecosystem.</summary>
/// <param name="Ecosystem">The OSV ecosystem whose scheme orders the pair.</param>
/// <param name="File">The fixture file, e.g. "semver-versions.txt".</param>
/// <param name="Line">The line number in the file, from 1.</param>
/// <param name="A">The left version.</param>
/// <param name="Op">'&lt;', '=' or '&gt;'.</param>
/// <param name="B">The right version.</param>
public sealed record VersionOrderCase(string Ecosystem, string File, int Line, string A, char Op, string B)
{
    /// <summary>The expected sign of Compare(A, B).</summary>
    public int Expected => Op switch { '<' => -1, '>' => 1, _ => 0 };

    public override string ToString() => $"In {Ecosystem}, {A} {Op} {B} ({File}:{Line})";
}

/// <summary>
/// OSV's version-ordering fixtures (SHIRUBE_CORPORA/osv-semantic-versions/semantic/testdata, from google/osv-scalibr),
/// each file applied to the ecosystems whose scheme it tests (the corpora's INDEX.md).
/// </summary>
internal static class VersionOrderCorpus
{
    /// <summary>Which fixture file tests which ecosystems.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EcosystemsByFile = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["alpine-versions.txt"] = ["Alpine", "Wolfi", "Chainguard"],
        ["cran-versions.txt"] = ["CRAN"],
        ["debian-versions.txt"] = ["Debian", "Ubuntu"],
        ["hackage-versions.txt"] = ["Hackage"],
        ["maven-versions.txt"] = ["Maven"],
        ["nuget-versions.txt"] = ["NuGet"],
        ["packagist-versions.txt"] = ["Packagist"],
        ["pub-versions.txt"] = ["Pub"],
        ["pypi-versions.txt"] = ["PyPI"],
        ["redhat-versions.txt"] = ["Red Hat", "Rocky Linux", "AlmaLinux", "SUSE", "openSUSE", "Photon OS", "Mageia", "openEuler"],
        ["rubygems-versions.txt"] = ["RubyGems"],
        ["semver-versions.txt"] = ["npm", "crates.io", "Go", "Hex"],
    };

    public static string Folder() => SharedCorpora.Folder("osv-semantic-versions", "OSV's version-ordering fixtures");

    public static IReadOnlyList<VersionOrderCase> ReadAll() => Cases(Folder());

    /// <summary>Every fixture line of <paramref name="folder"/> (the osv-semantic-versions copy), once per ecosystem it applies to.</summary>
    public static IReadOnlyList<VersionOrderCase> Cases(string folder)
    {
        var testdata = Path.Combine(folder, "semantic", "testdata");
        var files = Directory.GetFiles(testdata, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var unmapped = files.Where(f => !EcosystemsByFile.ContainsKey(f!)).ToList();
        if (unmapped.Count > 0)
            throw new InvalidDataException($"No ecosystem is known for the fixture files {string.Join(", ", unmapped)}.");
        var result = new List<VersionOrderCase>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Path.Combine(testdata, file!));
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
                    continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3 || parts[1] is not ("<" or "=" or ">"))
                    throw new InvalidDataException($"{file}:{i + 1} is not 'A OP B': {line}");
                foreach (var ecosystem in EcosystemsByFile[file!])
                    result.Add(new VersionOrderCase(ecosystem, file!, i + 1, parts[0], parts[1][0], parts[2]));
            }
        }
        return result;
    }
}
