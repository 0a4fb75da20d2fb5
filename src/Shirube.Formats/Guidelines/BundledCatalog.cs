using System.Reflection;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Guidelines;

/// <summary>The guideline catalogs shipped with Shirube (the repository's catalogs/ folder, embedded).</summary>
public static class BundledCatalog
{
    /// <summary>The name of the common-controls file.</summary>
    public const string ControlsFile = "common-controls.yaml";

    /// <summary>Reads every bundled catalog; throws <see cref="CatalogFormatException"/> on the first bad file.</summary>
    public static Catalog Load()
    {
        var names = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("catalogs/", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var controls = CatalogYamlReader.ReadControls(CatalogYamlReader.ReadResource("catalogs/" + ControlsFile), ControlsFile);
        var guidelines = names.Where(n => n != "catalogs/" + ControlsFile)
            .Select(n => CatalogYamlReader.ReadGuideline(CatalogYamlReader.ReadResource(n), n["catalogs/".Length..]));
        return new Catalog(guidelines, controls);
    }

    /// <summary>Reads a catalogs folder from disk (for authors: <c>shirube catalog validate catalogs</c>).</summary>
    public static Catalog LoadFolder(string folder)
    {
        var controlsFile = Path.Combine(folder, ControlsFile);
        if (!File.Exists(controlsFile))
            throw new CatalogFormatException(controlsFile, "/", "the common controls file is missing.");
        var controls = CatalogYamlReader.ReadControls(File.ReadAllText(controlsFile), ControlsFile);
        var guidelines = Directory.EnumerateFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != ControlsFile).Order(StringComparer.Ordinal)
            .Select(f => (File: f, Guideline: CatalogYamlReader.ReadGuideline(File.ReadAllText(f), Path.GetFileName(f))))
            .Select(x => Path.GetFileNameWithoutExtension(x.File) == x.Guideline.Id ? x.Guideline
                : throw new CatalogFormatException(Path.GetFileName(x.File), "/id", $"the id '{x.Guideline.Id}' differs from the file name."));
        return new Catalog([.. guidelines], controls);
    }
}
