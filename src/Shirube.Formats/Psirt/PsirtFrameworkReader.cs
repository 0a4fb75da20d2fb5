using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Psirt;
using Shirube.Formats.Guidelines;

namespace Shirube.Formats.Psirt;

/// <summary>
/// Reads the FIRST PSIRT Services Framework content (<c>catalogs/psirt/first-psirt-services-framework-1.1.yaml</c>,
/// embedded at build). Checks the structure: area and service ids in order, every service in its area, counts as declared.
/// </summary>
public static class PsirtFrameworkReader
{
    /// <summary>The resource name of the bundled framework.</summary>
    public const string Resource = "psirt/first-psirt-services-framework-1.1.yaml";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<PsirtFramework> Bundled = new(() => Read(CatalogYamlReader.ReadResource(Resource), Resource));

    /// <summary>The framework shipped with Shirube (read once).</summary>
    public static PsirtFramework Load() => Bundled.Value;

    /// <summary>Reads a framework file; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="CatalogFormatException">The file is not a valid framework.</exception>
    public static PsirtFramework Read(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        FrameworkDto? dto;
        try
        {
            dto = YamlToJson.Convert(yaml, file).Deserialize<FrameworkDto>(Json);
        }
        catch (JsonException e)
        {
            throw new CatalogFormatException(file, e.Path ?? "/", e.Message, e);
        }
        if (dto is null)
            throw new CatalogFormatException(file, "/", "empty document.");
        var areas = dto.Areas.Select((a, i) => Area(a, i, file)).ToList();
        var services = areas.SelectMany(a => a.Services).ToList();
        if (services.Count != dto.ExpectedServices)
            throw new CatalogFormatException(file, "/expectedServices", $"{dto.ExpectedServices} services declared, {services.Count} found.");
        var functions = services.Sum(s => s.Functions.Count);
        if (functions != dto.ExpectedFunctions)
            throw new CatalogFormatException(file, "/expectedFunctions", $"{dto.ExpectedFunctions} functions declared, {functions} found.");
        if (services.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != services.Count)
            throw new CatalogFormatException(file, "/areas", "a service id appears twice.");
        var levels = dto.Levels.Select((l, i) => l.Id == $"ML{i + 1}"
            ? new PsirtMaturityLevel(l.Id, (MaturityLevel)(i + 1), l.Name, Text(l.Title), l.Verify ?? false)
            : throw new CatalogFormatException(file, $"/levels/{i}/id", $"expected ML{i + 1}, found '{l.Id}'.")).ToList();
        if (levels.Count != Enum.GetValues<MaturityLevel>().Length)
            throw new CatalogFormatException(file, "/levels", $"expected {Enum.GetValues<MaturityLevel>().Length} maturity levels.");
        return new PsirtFramework(dto.Version, areas, levels);
    }

    private static PsirtServiceArea Area(AreaDto a, int index, string file)
    {
        var at = $"/areas/{index}";
        if (a.Id != $"SA{index + 1}")
            throw new CatalogFormatException(file, at + "/id", $"expected SA{index + 1}, found '{a.Id}'.");
        var services = a.Services.Select((s, j) =>
        {
            if (s.Id != $"{index + 1}.{j + 1}")
                throw new CatalogFormatException(file, $"{at}/services/{j}/id", $"expected {index + 1}.{j + 1}, found '{s.Id}'.");
            var functions = s.Functions.Select((f, k) => f.Id == $"{s.Id}.{k + 1}"
                ? new PsirtFunction(f.Id, s.Id, f.Name)
                : throw new CatalogFormatException(file, $"{at}/services/{j}/functions/{k}/id", $"expected {s.Id}.{k + 1}, found '{f.Id}'."));
            return new PsirtService(s.Id, a.Id, s.Name, Text(s.Title), Text(s.Summary), s.Verify ?? false, [.. functions]);
        });
        return new PsirtServiceArea(a.Id, a.Name, Text(a.Title), Text(a.Summary), [.. services]);
    }

    private static LocalizedText Text(TextDto t) => new(t.En, t.Ja);

    private sealed record TextDto(string En, string Ja);

    private sealed record FunctionDto(string Id, string Name);

    private sealed record ServiceDto(string Id, string Name, TextDto Title, TextDto Summary, IReadOnlyList<FunctionDto> Functions, bool? Verify = null);

    private sealed record AreaDto(string Id, string Name, TextDto Title, TextDto Summary, IReadOnlyList<ServiceDto> Services);

    private sealed record LevelDto(string Id, string Name, TextDto Title, bool? Verify = null);

    private sealed record FrameworkDto(string Id, string Version, string Source, int ExpectedServices, int ExpectedFunctions,
        IReadOnlyList<LevelDto> Levels, IReadOnlyList<AreaDto> Areas);
}
