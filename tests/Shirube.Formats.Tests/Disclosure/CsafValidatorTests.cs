using System.Text;
using Shirube.Formats.Disclosure;

namespace Shirube.Formats.Tests.Disclosure;

public class CsafValidatorTests
{
    // A minimal csaf_base document that passes the schema; the cases below add a product tree and vulnerabilities.
    private static string Document(string rest) => $$"""
        {
          "document": {
            "category": "csaf_base", "csaf_version": "2.0", "lang": "en",
            "publisher": { "category": "vendor", "name": "Example", "namespace": "https://example.com" },
            "title": "Test",
            "tracking": {
              "current_release_date": "2026-01-02T00:00:00Z", "id": "EX-1", "initial_release_date": "2026-01-01T00:00:00Z",
              "revision_history": [
                { "date": "2026-01-01T00:00:00Z", "number": "1", "summary": "First." },
                { "date": "2026-01-02T00:00:00Z", "number": "2", "summary": "Second." }
              ],
              "status": "final", "version": "2"
            }
          }{{rest}}
        }
        """;

    private static CsafReport Validate(string text) => CsafValidator.Validate(Encoding.UTF8.GetBytes(text), "test.json");

    private const string TwoProducts = """
        , "product_tree": { "full_product_names": [ { "name": "A", "product_id": "A" }, { "name": "B", "product_id": "B" } ] }
        """;

    [Fact]
    public void A_minimal_base_document_is_valid()
    {
        var report = Validate(Document(""));

        Assert.True(report.Valid, string.Join("; ", report.Errors.Select(e => $"{e.Test} {e.Path} {e.Message}")));
    }

    [Theory]
    [InlineData("""{ "fixed": ["A"], "known_affected": ["A"] }""", "6.1.6", "/vulnerabilities/0/product_status/fixed/0")]
    [InlineData("""{ "fixed": ["A", "C"] }""", "6.1.1", "/vulnerabilities/0/product_status/fixed/1")]
    public void A_product_status_fault_is_an_error_at_its_json_pointer(string status, string test, string path)
    {
        var report = Validate(Document(TwoProducts + $$""", "vulnerabilities": [ { "product_status": {{status}} } ]"""));

        Assert.False(report.Valid);
        var error = Assert.Single(report.Errors, e => e.Test == test);
        Assert.Equal(path, error.Path);
        Assert.Equal(CsafSeverity.Error, error.Severity);
    }

    [Fact]
    public void A_cycle_through_two_relationships_fails_6_1_3()
    {
        var tree = """
            , "product_tree": {
              "full_product_names": [ { "name": "A", "product_id": "A" } ],
              "relationships": [
                { "category": "installed_on", "full_product_name": { "name": "X", "product_id": "X" }, "product_reference": "Y", "relates_to_product_reference": "A" },
                { "category": "installed_on", "full_product_name": { "name": "Y", "product_id": "Y" }, "product_reference": "X", "relates_to_product_reference": "A" }
              ]
            }
            """;

        var report = Validate(Document(tree));

        Assert.Equal(["/product_tree/relationships/0/full_product_name/product_id", "/product_tree/relationships/1/full_product_name/product_id"],
            report.Errors.Where(e => e.Test == "6.1.3").Select(e => e.Path));
    }

    [Fact]
    public void Recommended_and_informative_findings_do_not_make_a_document_invalid()
    {
        var report = Validate(Document(TwoProducts + """, "vulnerabilities": [ { "product_status": { "known_affected": ["A", "B"] } } ]"""));

        Assert.True(report.Valid);
        Assert.Contains(report.Warnings, w => w.Test == "6.2.2" && w.Path == "/vulnerabilities/0/product_status/known_affected/0");
        Assert.Contains(report.Infos, i => i.Test == "6.3.3");
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_rather_than_judged()
    {
        var refused = Assert.Throws<CsafFormatException>(() => Validate("{ \"document\": "));

        Assert.Contains("not JSON", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_size_bound_is_refused_before_parsing()
    {
        var huge = new byte[CsafValidator.MaxBytes + 1];

        Assert.Throws<CsafFormatException>(() => CsafValidator.Validate(huge, "huge.json"));
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused_and_nesting_within_it_is_judged()
    {
        static string Nested(int depth) => new string('[', depth - 1) + "{}" + new string(']', depth - 1);

        Assert.Throws<CsafFormatException>(() => Validate(Nested(CsafValidator.MaxDepth + 1)));
        Assert.Contains(Validate(Nested(100)).Errors, e => e.Test == "schema");
    }

    [Theory]
    [InlineData("6.1.11")]
    [InlineData("6.1.12")]
    [InlineData("6.3.6")]
    [InlineData("6.3.7")]
    [InlineData("6.3.8")]
    public void A_test_not_implemented_yet_is_not_listed_as_implemented(string id) =>
        Assert.DoesNotContain(id, CsafValidator.TestIds);
}
