using System.Text;
using Shirube.Domain.Components;
using Shirube.Formats.Components;

namespace Shirube.Formats.Tests.Components;

/// <summary>Small documents read by hand, one per format, and hostile input.</summary>
public class SbomReaderTests
{
    private static Sbom Read(string text, string name = "sbom") => SbomReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private static SbomFormatException Refused(string text) => Assert.Throws<SbomFormatException>(() => Read(text, "upload.json"));

    private const string CycloneDxJson = """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
          "metadata": { "component": { "type": "firmware", "bom-ref": "fw", "name": "router-fw", "version": "4.2" } },
          "components": [
            { "type": "library", "bom-ref": "busybox", "name": "busybox", "version": "1.36.1",
              "purl": "pkg:generic/busybox@1.36.1", "cpe": "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*",
              "supplier": { "name": "BusyBox project" }, "licenses": [ { "license": { "id": "GPL-2.0-only" } } ],
              "hashes": [ { "alg": "SHA-256", "content": "0000000000000000000000000000000000000000000000000000000000000000" } ],
              "components": [ { "type": "file", "name": "busybox.links" } ] },
            { "type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3", "purl": "not a purl" }
          ],
          "dependencies": [ { "ref": "fw", "dependsOn": [ "busybox", "zlib" ] }, { "ref": "busybox", "dependsOn": [ "zlib", "a-service" ] } ]
        }
        """;

    [Fact]
    public void A_small_CycloneDX_JSON_BOM_gives_what_it_says()
    {
        var sbom = Read(CycloneDxJson);

        Assert.Equal((SbomFormat.CycloneDx, "1.5", "router-fw"), (sbom.Format, sbom.SpecVersion, sbom.Name));
        Assert.Equal("fw", sbom.Subject?.Ref);
        Assert.Equal(["busybox", "busybox.links", "zlib"], sbom.Components.Select(c => c.Name));
        var busybox = sbom.Components[0];
        Assert.Equal(("pkg:generic/busybox@1.36.1", "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", "BusyBox project"), (busybox.Purl?.ToString(), busybox.Cpe?.ToString(), busybox.Supplier));
        Assert.Equal(["GPL-2.0-only"], busybox.Licences);
        Assert.Equal("SHA-256", Assert.Single(busybox.Hashes).Algorithm);
        Assert.Equal("busybox", sbom.Components[1].ParentRef);
        Assert.Equal("#/components/0/components/0", sbom.Components[1].Ref);
        Assert.Null(sbom.Components[2].Purl);
        // The edge to "a-service" names nothing in the BOM (a service, say) and is left out.
        Assert.Equal([new("fw", "busybox"), new("fw", "zlib"), new("busybox", "zlib")], sbom.Dependencies);
    }

    [Fact]
    public void The_same_BOM_in_CycloneDX_XML_gives_the_same_components()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
              <metadata><component type="firmware" bom-ref="fw"><name>router-fw</name><version>4.2</version></component></metadata>
              <components>
                <component type="library" bom-ref="busybox">
                  <supplier><name>BusyBox project</name></supplier>
                  <name>busybox</name><version>1.36.1</version>
                  <hashes><hash alg="SHA-256">0000000000000000000000000000000000000000000000000000000000000000</hash></hashes>
                  <licenses><license><id>GPL-2.0-only</id></license></licenses>
                  <cpe>cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*</cpe>
                  <purl>pkg:generic/busybox@1.36.1</purl>
                  <components><component type="file"><name>busybox.links</name></component></components>
                </component>
                <component type="library" bom-ref="zlib"><name>zlib</name><version>1.3</version><purl>not a purl</purl></component>
              </components>
              <dependencies>
                <dependency ref="fw"><dependency ref="busybox"/><dependency ref="zlib"/></dependency>
                <dependency ref="busybox"><dependency ref="zlib"/></dependency>
              </dependencies>
            </bom>
            """;

        var fromXml = Read(xml);
        var fromJson = Read(CycloneDxJson);

        Assert.Equal(fromJson.Components.Select(c => (c.Name, c.Version, c.Type, c.Purl, c.Cpe, c.Supplier, c.Licences.Count, c.Hashes.Count)),
            fromXml.Components.Select(c => (c.Name, c.Version, c.Type, c.Purl, c.Cpe, c.Supplier, c.Licences.Count, c.Hashes.Count)));
        Assert.Equal(fromJson.Dependencies, fromXml.Dependencies);
        Assert.Equal(("1.5", "fw"), (fromXml.SpecVersion, fromXml.Subject?.Ref));
    }

    [Fact]
    public void A_small_SPDX_tag_value_document_gives_its_packages_and_relationships()
    {
        const string tagValue = """
            SPDXVersion: SPDX-2.3
            DataLicense: CC0-1.0
            SPDXID: SPDXRef-DOCUMENT
            DocumentName: gateway
            DocumentNamespace: https://example.com/gateway
            Creator: Tool: hand
            Created: 2025-04-01T00:00:00Z

            PackageName: gateway
            SPDXID: SPDXRef-gateway
            PackageVersion: 1.0
            PackageSupplier: Organization: Example Corp
            PackageDownloadLocation: NOASSERTION
            PackageComment: <text>two
            lines</text>
            ExternalRef: SECURITY cpe23Type cpe:2.3:o:example:gateway:1.0:*:*:*:*:*:*:*

            PackageName: curl
            SPDXID: SPDXRef-curl
            PackageVersion: 8.5.0
            PackageDownloadLocation: NOASSERTION
            PackageChecksum: SHA256: 1111111111111111111111111111111111111111111111111111111111111111
            PackageLicenseConcluded: curl
            ExternalRef: PACKAGE-MANAGER purl pkg:generic/curl@8.5.0

            Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-gateway
            Relationship: SPDXRef-curl DEPENDENCY_OF SPDXRef-gateway
            """;

        var sbom = Read(tagValue);

        Assert.Equal((SbomFormat.Spdx, "2.3", "gateway"), (sbom.Format, sbom.SpecVersion, sbom.Name));
        Assert.Equal(["gateway", "curl"], sbom.Components.Select(c => c.Name));
        Assert.Equal("SPDXRef-gateway", sbom.Subject?.Ref);
        Assert.Equal(("Example Corp", "cpe:2.3:o:example:gateway:1.0:*:*:*:*:*:*:*"), (sbom.Components[0].Supplier, sbom.Components[0].Cpe?.ToString()));
        Assert.Equal(("pkg:generic/curl@8.5.0", "curl"), (sbom.Components[1].Purl?.ToString(), sbom.Components[1].Licences.Single()));
        Assert.Equal([new SbomDependency("SPDXRef-gateway", "SPDXRef-curl")], sbom.Dependencies);
    }

    public sealed record Hostile(string Name, string Text, string Place, string Reason)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Hostile> HostileInputs => new(
        new Hostile("components that are a number", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":5}""", "/components", "schema"),
        new Hostile("a component of an unknown type", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"toaster","name":"x"}]}""", "/components/0/type", "schema"),
        new Hostile("a bom-ref used twice", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a","bom-ref":"r"},{"type":"library","name":"b","bom-ref":"r"}]}""", "/components/1/bom-ref", "used by /components/0/bom-ref"),
        new Hostile("an unsupported CycloneDX version", """{"bomFormat":"CycloneDX","specVersion":"1.1"}""", "/specVersion", "1.2 to 1.6"),
        new Hostile("JSON nested ten thousand deep", new string('[', 10_000), "/", "JSON array"),
        new Hostile("an object nested ten thousand deep", """{"a":""" + string.Concat(Enumerable.Repeat("""{"a":""", 10_000)), "line 1", "depth"),
        new Hostile("broken JSON", """{"bomFormat":"CycloneDX",""", "line 1", "not valid JSON"),
        new Hostile("a duplicate JSON member", """{"bomFormat":"CycloneDX","bomFormat":"CycloneDX","specVersion":"1.6"}""", "line 1", "not valid JSON"),
        new Hostile("a JSON document of another kind", """{"title":"not an SBOM"}""", "/", "neither CycloneDX"),
        new Hostile("an XML entity expansion", """<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><bom xmlns="http://cyclonedx.org/schema/bom/1.6">&b;</bom>""", "line 1", "DTD"),
        new Hostile("an external XML entity", """<?xml version="1.0"?><!DOCTYPE bom SYSTEM "file:///etc/passwd"><bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>""", "line 1", "DTD"),
        new Hostile("an XML component without a type", """<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component><name>x</name></component></components></bom>""", "/bom/components/component[1]", "'type'"),
        new Hostile("an XML hash that is not hex", """<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>x</name><hashes><hash alg="SHA-256">zz</hash></hashes></component></components></bom>""", "/bom/components/component[1]/hashes/hash[1]", "not a hash value"),
        new Hostile("a tag-value package without SPDXID", "SPDXVersion: SPDX-2.3\nPackageName: x\nPackageVersion: 1\n", "line 2", "no SPDXID"),
        new Hostile("an unclosed tag-value text", "SPDXVersion: SPDX-2.3\nDocumentComment: <text>never closed\n", "line 2", "never closed"),
        new Hostile("plain text", "hello, world", "line 1", "not an SBOM"),
        new Hostile("nothing", "   ", "byte 0", "empty"));

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_or_wrong_input_is_refused_naming_the_place(Hostile input)
    {
        var e = Refused(input.Text);

        Assert.Equal("upload.json", e.File);
        Assert.StartsWith(input.Place, e.Path, StringComparison.Ordinal);
        Assert.Contains(input.Reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_bound_is_refused_before_it_is_parsed()
    {
        var huge = new RepeatingStream((byte)' ', SbomReader.MaxBytes + 1);

        var e = Assert.Throws<SbomFormatException>(() => SbomReader.Read(huge, "huge.json"));

        Assert.Contains("larger than 100 MiB", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_refusal_lists_the_first_errors_with_their_JSON_pointers()
    {
        var e = Refused("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"toaster","name":"x"},{"type":"library"}]}""");

        Assert.Contains("/components/0/type: ", e.Reason, StringComparison.Ordinal);
        Assert.Contains("/components/1: ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_document_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(CycloneDxJson)).ToArray();

        var sbom = SbomReader.Read(new MemoryStream(bytes), "utf16.json");

        Assert.Equal(3, sbom.Components.Count);
    }

    // A stream of one byte repeated, never held in memory.
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill(value);
            _position += n;
            return n;
        }
    }
}
