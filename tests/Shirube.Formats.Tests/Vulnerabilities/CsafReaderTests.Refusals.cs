using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class CsafReaderTests
{
    [Fact]
    public void A_document_that_fails_a_mandatory_test_is_refused_naming_the_test_and_the_place()
    {
        // 6.1.1: a product id in a product status that the product tree does not define.
        var broken = Supplier().Replace("\"known_affected\": [\"SDK-1.4.0\"", "\"known_affected\": [\"SDK-9.9.9\", \"SDK-1.4.0\"", StringComparison.Ordinal);

        var refused = Assert.Throws<VulnerabilityFormatException>(() => CsafReader.Read(Utf8(broken), "hm-2026-0007.json"));

        Assert.Equal(("hm-2026-0007.json", "/vulnerabilities/0/product_status/known_affected/0"), (refused.File, refused.Path));
        Assert.Contains("test 6.1.1", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_Red_Hat_advisory_whose_revision_history_is_out_of_order_is_refused_with_test_6_1_14()
    {
        var path = VulnerabilityCorpus.Path("osv-schema/tools/redhat/testdata/CSAF/rhsa-2003_315.json");

        var refused = Assert.Throws<VulnerabilityFormatException>(() => CsafReader.Read(File.ReadAllBytes(path), "rhsa-2003_315.json"));

        Assert.Equal("/document/tracking/revision_history/0/number", refused.Path);
        Assert.StartsWith("not valid CSAF 2.0: test 6.1.14 failed:", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AMBER")]
    [InlineData("RED")]
    public void A_restricted_TLP_is_refused_unless_the_caller_allows_it(string label)
    {
        var json = Utf8(Supplier(label));

        var refused = Assert.Throws<CsafTlpException>(() => CsafReader.Read(json, "hm-2026-0007.json"));

        Assert.Equal((label, "/document/distribution/tlp/label"), (refused.Label, refused.Path));
        Assert.Contains($"TLP:{label}", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(2, CsafReader.Read(json, "hm-2026-0007.json", allowRestricted: true).Records.Count);
    }

    [Theory]
    [InlineData("WHITE")]
    [InlineData("GREEN")]
    public void A_public_TLP_is_read(string label) =>
        Assert.Equal(label, CsafReader.Read(Utf8(Supplier(label)), "hm-2026-0007.json").Tlp);

    [Theory]
    [InlineData("""{"schema_version":"1.6.0","id":"GO-2026-0001","modified":"2026-02-01T00:00:00Z"}""", "schema")]
    [InlineData("""{"document": {"csaf_version": "2.0"}""", "line")]
    public void What_is_not_CSAF_is_refused(string json, string says)
    {
        var refused = Assert.Throws<VulnerabilityFormatException>(() => CsafReader.Read(Utf8(json), "upload.json"));

        Assert.Contains(says, refused.Path + " " + refused.Reason, StringComparison.Ordinal);
    }
}
