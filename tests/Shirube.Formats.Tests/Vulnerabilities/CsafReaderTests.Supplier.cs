using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Disclosure;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class CsafReaderTests
{
    /// <summary>
    /// A small supplier advisory written for these tests: a camera module maker's SDK (npm) affected as one version
    /// and one vers range, with a fixed and a not-affected version beside them; a firmware by CPE; a Debian openssl
    /// inside that firmware (a relationship); a product named without any identifier; a generic purl.
    /// </summary>
    internal const string SupplierAdvisory = """
        {
          "document": {
            "category": "csaf_security_advisory",
            "csaf_version": "2.0",
            "distribution": { "tlp": { "label": "{{TLP}}", "url": "https://www.first.org/tlp/" } },
            "lang": "en",
            "notes": [{ "category": "summary", "text": "The camera SDK accepts oversized frames.", "title": "Summary" }],
            "publisher": { "category": "vendor", "name": "Hikari Modules PSIRT", "namespace": "https://psirt.hikari.example" },
            "references": [{ "category": "self", "summary": "This advisory", "url": "https://psirt.hikari.example/csaf/hm-2026-0007.json" }],
            "title": "Camera SDK: heap overflow on oversized frames",
            "tracking": {
              "current_release_date": "2026-03-02T09:00:00.000Z",
              "id": "HM-2026-0007",
              "initial_release_date": "2026-02-20T09:00:00.000Z",
              "revision_history": [
                { "date": "2026-02-20T09:00:00.000Z", "number": "1", "summary": "First release." },
                { "date": "2026-03-02T09:00:00.000Z", "number": "2", "summary": "Version range of the 2.x line." }
              ],
              "status": "final",
              "version": "2"
            }
          },
          "product_tree": {
            "branches": [{
              "category": "vendor", "name": "Hikari Modules",
              "branches": [
                { "category": "product_name", "name": "camera-sdk",
                  "branches": [
                    { "category": "product_version", "name": "1.4.0",
                      "product": { "name": "camera-sdk 1.4.0", "product_id": "SDK-1.4.0",
                                   "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk" } } },
                    { "category": "product_version", "name": "1.4.1",
                      "product": { "name": "camera-sdk 1.4.1", "product_id": "SDK-1.4.1",
                                   "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk@1.4.1" } } },
                    { "category": "product_version_range", "name": "vers:npm/>=2.0.0|<2.3.1",
                      "product": { "name": "camera-sdk 2.0.0 up to 2.3.1", "product_id": "SDK-2.x",
                                   "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk" } } },
                    { "category": "product_version", "name": "1.3.9",
                      "product": { "name": "camera-sdk 1.3.9", "product_id": "SDK-1.3.9",
                                   "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk@1.3.9" } } }
                  ] },
                { "category": "product_name", "name": "HM-CAM firmware",
                  "branches": [
                    { "category": "product_version", "name": "3.1.0",
                      "product": { "name": "HM-CAM firmware 3.1.0", "product_id": "FW-3.1.0",
                                   "product_identification_helper": { "cpe": "cpe:2.3:o:hikari:hm-cam_firmware:*:*:*:*:*:*:*:*" } } },
                    { "category": "product_version", "name": "3.1.1",
                      "product": { "name": "HM-CAM firmware 3.1.1", "product_id": "FW-3.1.1",
                                   "product_identification_helper": { "cpe": "cpe:2.3:o:hikari:hm-cam_firmware:3.1.1:*:*:*:*:*:*:*" } } }
                  ] },
                { "category": "product_name", "name": "HM-CAM evaluation board",
                  "product": { "name": "HM-CAM evaluation board", "product_id": "EVAL-BOARD" } }
              ]
            }],
            "full_product_names": [
              { "name": "openssl 3.0.11-1~deb12u2 (Debian 12)", "product_id": "OPENSSL",
                "product_identification_helper": { "purl": "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12" } },
              { "name": "frame parser 0.9", "product_id": "PARSER",
                "product_identification_helper": { "purl": "pkg:generic/hikari/frame-parser@0.9" } }
            ],
            "relationships": [{
              "category": "default_component_of",
              "full_product_name": { "name": "openssl in HM-CAM firmware 3.1.0", "product_id": "FW-3.1.0:OPENSSL" },
              "product_reference": "OPENSSL",
              "relates_to_product_reference": "FW-3.1.0"
            }]
          },
          "vulnerabilities": [
            {
              "cve": "CVE-2026-10007",
              "cwe": { "id": "CWE-122", "name": "Heap-based Buffer Overflow" },
              "ids": [{ "system_name": "JVN", "text": "JVNDB-2026-000123" }, { "system_name": "Internal", "text": "4711" }],
              "notes": [{ "category": "description", "text": "A frame larger than the configured size overflows a heap buffer.", "title": "Description" }],
              "product_status": {
                "known_affected": ["SDK-1.4.0", "SDK-2.x", "FW-3.1.0", "FW-3.1.0:OPENSSL", "EVAL-BOARD", "PARSER"],
                "fixed": ["SDK-1.4.1", "FW-3.1.1"],
                "known_not_affected": ["SDK-1.3.9"]
              },
              "scores": [{
                "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL" },
                "products": ["SDK-1.4.0", "SDK-2.x"]
              }],
              "title": "Heap overflow on oversized frames"
            },
            {
              "notes": [{ "category": "description", "text": "Debug logging writes the Wi-Fi key.", "title": "Description" }],
              "product_status": { "last_affected": ["SDK-1.4.0"], "fixed": ["SDK-1.4.1"] }
            }
          ]
        }
        """;

    internal static string Supplier(string tlp = "WHITE") => SupplierAdvisory.Replace("{{TLP}}", tlp, StringComparison.Ordinal);

    [Fact]
    public void The_supplier_advisory_is_valid_CSAF()
    {
        var report = CsafValidator.Validate(Utf8(Supplier()), "hm-2026-0007.json");

        Assert.Empty(report.Errors);
    }

    [Fact]
    public void The_supplier_advisory_affects_exactly_the_listed_and_ranged_versions_and_never_the_fixed_or_unaffected_ones()
    {
        var advisory = CsafReader.Read(Utf8(Supplier()), "hm-2026-0007.json");

        Assert.Equal(("HM-2026-0007", "csaf_security_advisory", "WHITE"), (advisory.TrackingId, advisory.Category, advisory.Tlp));
        Assert.Equal(["HM-2026-0007#CVE-2026-10007", "HM-2026-0007#1"], advisory.Records.Select(r => r.Id));
        var overflow = advisory.Records[0];

        // The SDK: 1.4.0 by its branch, 2.0.0 up to (not with) 2.3.1 by its vers range; 1.4.1 (fixed) and 1.3.9 (not
        // affected) appear nowhere.
        Assert.Equal(["npm", "Debian:12"], overflow.Affected.Select(a => a.Ecosystem));
        var sdk = overflow.Affected[0];
        Assert.Equal(("npm", "@hikari/camera-sdk", "pkg:npm/%40hikari/camera-sdk"), (sdk.Ecosystem, sdk.Name, sdk.Purl?.ToString()));
        Assert.Equal(["1.4.0"], sdk.Versions);
        var range = Assert.Single(sdk.Ranges);
        Assert.Equal(RangeType.Ecosystem, range.Type);
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "2.0.0"), new RangeEvent(RangeEventKind.Fixed, "2.3.1")], range.Events);

        // The firmware by CPE at its branch's version (3.1.1 is fixed); openssl through the relationship, as the
        // component it is.
        Assert.Equal(["cpe:2.3:o:hikari:hm-cam_firmware:3.1.0:*:*:*:*:*:*:*"], Cpes(overflow));

        // The board names nothing; the frame parser's purl type has no ecosystem to match in.
        Assert.Equal(["EVAL-BOARD", "PARSER"], advisory.Skipped.Select(s => s.ProductId));
        Assert.Contains("no purl or CPE", advisory.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'generic' has no OSV ecosystem", advisory.Skipped[1].Reason, StringComparison.Ordinal);

        Assert.Equal(["CVE-2026-10007", "JVNDB-2026-000123"], overflow.Aliases);
        Assert.Equal(("Heap overflow on oversized frames", "A frame larger than the configured size overflows a heap buffer."), (overflow.Summary, overflow.Details));
        Assert.Equal(["CWE-122"], overflow.Cwes);
        Assert.Equal([new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")], overflow.Severity);
        Assert.Equal((new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero)), (overflow.Modified, overflow.Published));
        Assert.Equal(["https://psirt.hikari.example/csaf/hm-2026-0007.json"], overflow.References);
        Assert.False(overflow.IsWithdrawn);
    }

    [Fact]
    public void The_openssl_inside_the_firmware_is_affected_as_the_Debian_12_package_at_its_own_version()
    {
        var overflow = CsafReader.Read(Utf8(Supplier()), "hm-2026-0007.json").Records[0];

        var openssl = Assert.Single(overflow.Affected, a => a.Name == "openssl");
        Assert.Equal(("Debian:12", "3.0.11-1~deb12u2"), (openssl.Ecosystem, Assert.Single(openssl.Versions)));
    }

    [Fact]
    public void A_vulnerability_without_CVE_is_named_by_its_index_and_its_last_affected_version_is_affected()
    {
        var leak = CsafReader.Read(Utf8(Supplier()), "hm-2026-0007.json").Records[1];

        Assert.Equal("HM-2026-0007#1", leak.Id);
        Assert.Empty(leak.Aliases);
        Assert.Equal("Camera SDK: heap overflow on oversized frames", leak.Summary);
        Assert.Equal(["1.4.0"], Assert.Single(leak.Affected).Versions);
    }
}
