using System.Net;
using System.Text;
using System.Text.Json;
using Shirube.Data;
using Shirube.Domain.Components;
using Shirube.Formats.Components;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Components;

/// <summary>A version's SBOM goes out as CycloneDX 1.6 JSON that the official schema accepts, with what came in.</summary>
public class SbomExportTests
{
    // SPDX 2.3 in, CycloneDX 1.6 out: a package that contains another, one with a purl and a CPE.
    private const string Spdx = """
        {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"camera-fw-4.0",
         "documentNamespace":"https://example.com/spdx/camera-fw-4.0","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: test"]},
         "packages":[
           {"SPDXID":"SPDXRef-fw","name":"camera-fw","versionInfo":"4.0","downloadLocation":"NOASSERTION","primaryPackagePurpose":"FIRMWARE"},
           {"SPDXID":"SPDXRef-busybox","name":"busybox","versionInfo":"1.36.1","downloadLocation":"NOASSERTION","licenseConcluded":"GPL-2.0-only",
            "externalRefs":[{"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*"}]},
           {"SPDXID":"SPDXRef-zlib","name":"zlib","versionInfo":"1.3.1","downloadLocation":"NOASSERTION",
            "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:generic/zlib@1.3.1"}]}],
         "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-fw"},
                          {"spdxElementId":"SPDXRef-fw","relationshipType":"CONTAINS","relatedSpdxElement":"SPDXRef-busybox"},
                          {"spdxElementId":"SPDXRef-busybox","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-zlib"}]}
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task An_imported_SPDX_document_exports_as_CycloneDX_1_6_that_validates_and_keeps_components_purl_CPE_and_edges(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Camera NC-20", "B", "device");
        var version = await ComponentsFixture.AddVersionAsync(admin, product.Id, "4.0");
        var imported = await admin.PostAsync($"/api/versions/{version}/sbom?fileName=fw.spdx.json", new StringContent(Spdx, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var export = await admin.GetAsync($"/api/versions/{version}/sbom/cyclonedx");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("Camera-NC-20-4.0.cdx.json", export.Content.Headers.ContentDisposition?.FileName);
        var bytes = await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        // The reader validates against the official 1.6 schema (embedded byte for byte as in the corpora).
        var back = SbomReader.Read(new MemoryStream(bytes), "export.cdx.json");
        Assert.Equal((SbomFormat.CycloneDx, "1.6"), (back.Format, back.SpecVersion));
        var json = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("1.6", json.GetProperty("specVersion").GetString());
        var all = back.Components.Concat(back.Subject is null ? [] : [back.Subject]).ToList();
        Assert.Equal(["busybox", "camera-fw", "zlib"], all.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("pkg:generic/zlib@1.3.1", all.Single(c => c.Name == "zlib").Purl?.ToString());
        Assert.Equal("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", all.Single(c => c.Name == "busybox").Cpe?.ToString());
        var busybox = all.Single(c => c.Name == "busybox").Ref;
        var zlib = all.Single(c => c.Name == "zlib").Ref;
        Assert.Contains(new SbomDependency(busybox, zlib), back.Dependencies);
    }

    [Fact]
    public async Task A_version_without_an_SBOM_has_nothing_to_export()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Camera NC-20", "B", "device");
        var version = await ComponentsFixture.AddVersionAsync(admin, product.Id, "4.0");

        var export = await admin.GetAsync($"/api/versions/{version}/sbom/cyclonedx");

        var problem = await Api.AssertProblemAsync(export, HttpStatusCode.NotFound);
        Assert.Equal("Components.NoSbom", problem.GetProperty("code").GetString());
    }
}
