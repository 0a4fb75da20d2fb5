using Shirube.Formats.Guidelines;

namespace Shirube.Formats.Tests.Guidelines;

public class ReadmeTests
{
    [Fact]
    public void Readme_ListsEveryShippedCatalog_WithItsRequirementCount()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shirube.slnx")))
            root = root.Parent;
        var readme = File.ReadAllText(Path.Combine(root!.FullName, "README.md"));
        var table = readme[readme.IndexOf("<!-- catalog-table:start -->", StringComparison.Ordinal)..readme.IndexOf("<!-- catalog-table:end -->", StringComparison.Ordinal)];
        foreach (var g in BundledCatalog.Load().Guidelines)
        {
            var row = table.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{g.Id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"README lacks {g.Id}: run tools/catalog-table.py");
            Assert.Contains($"| {g.Requirements.Count} |", row, StringComparison.Ordinal);
        }
    }
}
