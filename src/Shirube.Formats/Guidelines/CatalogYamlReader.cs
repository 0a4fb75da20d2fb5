using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines.Dto;

namespace Shirube.Formats.Guidelines;

/// <summary>
/// Reads guideline catalogs (<c>catalogs/&lt;id&gt;.yaml</c>): checks each against the catalog JSON schema, then
/// maps it to the domain. Errors name the file and the place.
/// </summary>
public static class CatalogYamlReader
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ReadResource("catalogs/schema.json")));

    /// <summary>Reads one guideline; <paramref name="file"/> names it in errors.</summary>
    public static Guideline ReadGuideline(string yaml, string file)
    {
        var node = Load(yaml, file);
        var result = Schema.Value.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var first = result.Details.Where(d => d.HasErrors).OrderByDescending(d => d.InstanceLocation.Count).First();
            var path = first.InstanceLocation.ToString() is { Length: > 0 } p ? p : "/";
            // additionalProperties: false reports "All values fail against the false schema" at the unexpected key.
            var message = first.Errors!.ContainsKey("false")
                ? $"'{path[(path.LastIndexOf('/') + 1)..]}' is not a known key here (a typo, or a colon inside an unquoted text?)."
                : string.Join("; ", first.Errors!.Select(e => e.Value));
            throw new CatalogFormatException(file, path, message);
        }
        var dto = node.Deserialize<GuidelineDto>(Json) ?? throw new CatalogFormatException(file, "/", "empty document.");
        return ToDomain(dto);
    }

    /// <summary>Reads the common controls file.</summary>
    public static IReadOnlyList<CommonControl> ReadControls(string yaml, string file)
    {
        var node = Load(yaml, file);
        ControlsDto? dto;
        try
        {
            dto = node.Deserialize<ControlsDto>(StrictJson);
        }
        catch (JsonException e)
        {
            throw new CatalogFormatException(file, e.Path ?? "/", e.Message, e);
        }
        if (dto?.Controls is not { Count: > 0 })
            throw new CatalogFormatException(file, "/controls", "no common controls.");
        return [.. dto.Controls.Select(c => new CommonControl(c.Id, Text(c.Title), Text(c.Description)))];
    }

    private static JsonNode? Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > MaxBytes)
            throw new CatalogFormatException(file, "/", $"the file is larger than {MaxBytes} bytes.");
        return YamlToJson.Convert(yaml, file);
    }

    private static Guideline ToDomain(GuidelineDto d) => new()
    {
        Id = d.Id,
        Name = Text(d.Name),
        ShortName = d.ShortName ?? d.Id,
        Issuer = d.Issuer,
        Region = Enum.Parse<GuidelineRegion>(d.Region),
        Year = d.Year,
        Version = d.Version,
        Kind = Enum.Parse<GuidelineKind>(d.Kind, ignoreCase: true),
        Sector = d.Sector,
        Scope = Text(d.Scope),
        Summary = Text(d.Summary),
        Source = new GuidelineSource(d.Source.Url, d.Source.Licence, d.Source.Reuse, d.Source.Reference),
        Levels = d.Levels ?? [],
        ExpectedCount = d.ExpectedCount,
        Verified = d.Verified ?? true,
        Note = d.Note is null ? null : Text(d.Note),
        Groups = [.. (d.Groups ?? []).Select(Group)],
        Requirements = [.. d.Requirements.Select(r => new Requirement
        {
            Id = r.Id,
            Group = r.Group,
            Title = Text(r.Title),
            Summary = Text(r.Summary),
            Parts = [.. r.Parts.Select(IotParts.Parse)],
            Phases = [.. r.Phases.Select(p => Enum.Parse<LifecyclePhase>(p, ignoreCase: true))],
            Level = r.Level,
            Levels = r.Levels ?? [],
            Controls = r.Controls ?? [],
            Verified = r.Verified ?? true,
            Note = r.Note is null ? null : Text(r.Note),
        })],
    };

    private static RequirementGroup Group(GroupDto g) => new(g.Id, Text(g.Title), [.. (g.Groups ?? []).Select(Group)]);

    private static LocalizedText Text(TextDto t) => new(t.En, t.Ja);

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from Shirube.Formats.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
