using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shirube.Data;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Formats.Components;
using Shirube.Web.Features.Components;

namespace Shirube.Web.Tests.Components;

/// <summary>
/// The components feature on a running app, with its two outside parts replaced: SBOM files are named test documents
/// (the reader is another slice's), and the matcher holds a record to a component when the record lists the
/// component's name and version as affected (the real matcher is another slice's).
/// </summary>
internal sealed class ComponentsFixture
{
    public const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    public const string Medium = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N";

    private readonly Dictionary<string, Sbom> _files = new(StringComparer.Ordinal);
    private readonly List<VulnerabilityRecord> _records = [];

    public void Serve(string fileName, Sbom sbom) => _files[fileName] = sbom;

    public void Know(VulnerabilityRecord record) => _records.Add(record);

    public void Configure(IServiceCollection services)
    {
        services.RemoveAll<SbomParser>();
        services.AddSingleton<SbomParser>((_, name) => _files.TryGetValue(name, out var sbom) ? sbom : throw new SbomFormatException(name, "$", "not a test SBOM"));
        services.RemoveAll<IComponentMatcher>();
        services.AddSingleton<IComponentMatcher>(new ListedVersionsMatcher(_records));
    }

    public static SbomComponent Component(string name, string version, string? purl = null, string? cpe = null) => new($"ref-{name}-{version}", name)
    {
        Version = version,
        Type = "library",
        Purl = purl is null ? null : PackageUrl.Parse(purl),
        Cpe = cpe is null ? null : Cpe.Parse(cpe),
        Licences = ["Apache-2.0"],
        Hashes = [new SbomHash("SHA-256", "ab12")],
    };

    public static Sbom Document(params SbomComponent[] components) => new(SbomFormat.CycloneDx, "1.6")
    {
        Name = "firmware",
        Components = components,
        Dependencies = components.Skip(1).Select(c => new SbomDependency(components[0].Ref, c.Ref)).ToList(),
    };

    public static VulnerabilityRecord Record(string id, string package, string version, string? vector = Critical, params string[] aliases) =>
        new(id, VulnerabilitySource.Osv, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero))
        {
            Aliases = aliases,
            Summary = $"A flaw in {package}",
            Severity = vector is null ? [] : [new SeverityScore("CVSS_V3", vector)],
            Affected = [new AffectedPackage("Debian", package) { Versions = [version] }],
        };

    /// <summary>Uploads a test SBOM as the raw body.</summary>
    public static async Task<JsonElement> UploadAsync(HttpClient client, Guid versionId, string fileName, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));
        var response = await client.PostAsync($"/api/versions/{versionId}/sbom?fileName={fileName}", content);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Uploads a test SBOM as multipart/form-data, as the page and curl -F do.</summary>
    public static async Task<JsonElement> UploadFormAsync(HttpClient client, Guid versionId, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("{}")), "file", fileName } };
        var response = await client.PostAsync($"/api/versions/{versionId}/sbom", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> AddVersionAsync(HttpClient client, Guid productId, string version)
    {
        var response = await client.PostAsJsonAsync($"/api/products/{productId}/versions", new { version });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement[]> FindingsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/findings{query}")).EnumerateArray()];

    public static JsonElement FindingOf(JsonElement[] findings, string vulnerability, string component) =>
        findings.Single(f => f.GetProperty("vulnerabilityId").GetString() == vulnerability && f.GetProperty("componentName").GetString() == component);

    private sealed class ListedVersionsMatcher(List<VulnerabilityRecord> records) : IComponentMatcher
    {
        public Task<IReadOnlyList<ComponentMatch>> MatchAsync(ShirubeDbContext db, IReadOnlyList<SbomComponent> components, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<ComponentMatch>>([.. from c in components
                from r in records
                from a in r.Affected
                where a.Name == c.Name && c.Version is not null && a.Versions.Contains(c.Version)
                select new ComponentMatch(c, r, $"{r.Id}: {a.Ecosystem} {a.Name} {c.Version} is listed as affected")]);

        public void Upsert(VulnerabilityRecord record) => records.Add(record);
    }
}
