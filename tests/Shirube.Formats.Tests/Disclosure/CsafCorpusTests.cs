using Shirube.Formats.Disclosure;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure;

/// <summary>Every verdict of the CSAF 2.0 test suite for the tests the validator implements.</summary>
public class CsafCorpusTests
{
    [Theory]
    [CorpusData("csaf/csaf_2.0/test/validator/data", typeof(CsafCorpus), nameof(CsafCorpus.Cases))]
    public void Each_suite_document_gets_the_expected_verdict_of_its_test(CsafCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var report = CsafValidator.ValidateFile(row.FullPath);

        var flagged = report.Results.Where(r => r.Test == row.Test).ToList();

        if (row.MustFail)
            Assert.True(flagged.Count > 0, $"{row.Document} must be flagged by {row.Test}; results: {string.Join("; ", report.Results.Select(r => $"{r.Test} {r.Path} {r.Message}"))}");
        else
            Assert.True(flagged.Count == 0, $"{row.Document} must pass {row.Test}; flagged: {string.Join("; ", flagged.Select(r => $"{r.Path} {r.Message}"))}");
    }

    [Theory]
    [CorpusData("csaf/csaf_2.0/test/validator/data", typeof(CsafCorpus), nameof(CsafCorpus.ValidDocuments))]
    public void A_document_the_suite_lists_as_valid_breaks_no_mandatory_rule_and_passes_the_schema(CsafCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var report = CsafValidator.ValidateFile(row.FullPath);

        Assert.True(report.Valid, string.Join("; ", report.Errors.Select(e => $"{e.Test} {e.Path} {e.Message}")));
    }
}
