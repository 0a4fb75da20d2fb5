using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Shirube.Domain.Assessments;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;

namespace Shirube.Formats.Tests.Exports;

public class BaselineXlsxWriterTests
{
    private static readonly Lazy<byte[]> Assessed = new(() => Export(BaselineTestData.WithAssessment()));
    private static readonly Lazy<byte[]> Unassessed = new(() => Export(BaselineTestData.WithoutAssessment()));

    private static byte[] Export(BaselineDocument doc)
    {
        using var output = new MemoryStream();
        BaselineXlsxWriter.Write(doc, output);
        return output.ToArray();
    }

    private static XlsxSheet Sheet(byte[] xlsx, string name) => XlsxSheet.ReadAll(xlsx).Single(s => s.Name == name);

    [Fact]
    public void Write_AssessedBaseline_GivesSummaryFourPartSheetsOtherAndExcludedInOrder()
    {
        var names = XlsxSheet.ReadAll(Assessed.Value).Select(s => s.Name);

        Assert.Equal(
            ["概要 Summary", "デバイス Device", "ネットワーク Network", "プラットフォーム Platform", "マネジメント Management", "その他 Other", "対象外 Excluded"],
            names);
    }

    [Fact]
    public void Write_BaselineWhoseLinesAllHaveParts_HasNoOtherSheet()
    {
        var doc = BaselineTestData.WithoutAssessment();
        doc = doc with { Lines = [.. doc.Lines.Where(l => l.Key != BaselineTestData.OwnUntaggedKey)] };

        var names = XlsxSheet.ReadAll(Export(doc)).Select(s => s.Name);

        Assert.DoesNotContain(BaselineXlsxWriter.SheetName(null), names);
    }

    [Fact]
    public void Write_Workbook_IsValidOpenXml()
    {
        using var stream = new MemoryStream(Assessed.Value);
        using var package = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").Take(10).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Write_LineSheets_HaveBoldFrozenFilteredHeaderInBothLanguages()
    {
        var sheets = XlsxSheet.ReadAll(Assessed.Value).Where(s => s.Name != BaselineXlsxWriter.SummarySheet).ToList();

        foreach (var sheet in sheets)
        {
            Assert.True(sheet.FrozenHeader, $"{sheet.Name}: header not frozen");
            Assert.Equal($"A1:{(char)('A' + sheet.Header.Count - 1)}{sheet.Rows.Count}", sheet.AutoFilter);
            Assert.Equal(sheet.Header.Count, sheet.Widths.Count);
            Assert.All(sheet.Widths, w => Assert.InRange(w, 8, 80));
            Assert.All(sheet.HeaderStyles, s => Assert.True(XlsxSheet.IsBold(Assessed.Value, s), $"{sheet.Name}: header style {s} is not bold"));
        }
        var device = sheets.Single(s => s.Name == BaselineXlsxWriter.SheetName(IotPartGroup.Device));
        Assert.Equal(
            ["キー / Key", "ガイドライン / Guideline", "要求事項 ID / Requirement id", "レベル / Level", "タイトル（日本語） / Title (ja)", "タイトル（英語） / Title (en)",
             "概要（日本語） / Summary (ja)", "概要（英語） / Summary (en)", "IoT の構成要素 / IoT parts",
             "状態 / Status", "根拠 / Justification", "エビデンス / Evidence", "リンク / Links", "ファイル / Files", "評価者 / Assessor", "評価日 / Date"],
            device.Header);
    }

    [Fact]
    public void Write_EveryIncludedLine_IsOnTheSheetOfEachOfItsPartGroupsAndNoOther()
    {
        var doc = BaselineTestData.WithAssessment();
        var sheets = XlsxSheet.ReadAll(Assessed.Value);

        foreach (var group in new IotPartGroup?[] { IotPartGroup.Device, IotPartGroup.Network, IotPartGroup.Platform, IotPartGroup.Management, null })
        {
            var sheet = sheets.Single(s => s.Name == BaselineXlsxWriter.SheetName(group));
            var expected = doc.Lines
                .Where(l => !l.Excluded && (group is { } g ? l.Parts.Any(p => IotParts.GroupOf(p) == g) : l.Parts.Count == 0))
                .ToList();
            Assert.Equal(expected.Select(l => l.Key), sheet.Rows.Skip(1).Select(r => r[0]));
            foreach (var line in expected)
            {
                var row = sheet.Row(line.Key)!;
                Assert.Equal(line.RequirementId, row[2]);
                Assert.Equal(line.Title.Ja, row[4]);
                Assert.Equal(line.Title.En, row[5]);
                Assert.Equal(line.Summary?.Ja ?? string.Empty, row[6]);
                Assert.Equal(string.Join(", ", line.Parts.Select(p => p.ToId())), row[8]);
            }
        }
    }

    [Fact]
    public void Write_LineTaggedWithSeveralGroups_AppearsOnEachOfTheirSheets()
    {
        var doc = BaselineTestData.WithAssessment();
        var line = doc.Lines.First(l => !l.Excluded && l.Parts.Select(IotParts.GroupOf).Distinct().Count() >= 2);
        var sheets = XlsxSheet.ReadAll(Assessed.Value);

        var on = sheets.Where(s => s.Row(line.Key) is not null).Select(s => s.Name).ToList();

        Assert.Equal(line.Parts.Select(IotParts.GroupOf).Distinct().Order().Select(g => BaselineXlsxWriter.SheetName(g)), on);
    }

    [Fact]
    public void Write_ExcludedLine_IsOnlyOnTheExcludedSheetWithItsReason()
    {
        var sheets = XlsxSheet.ReadAll(Assessed.Value);
        var excluded = sheets.Single(s => s.Name == BaselineXlsxWriter.ExcludedSheet);

        var row = excluded.Row(BaselineTestData.ExcludedKey);

        Assert.NotNull(row);
        Assert.Equal(BaselineTestData.ExclusionReason, row[excluded.Column("Reason")]);
        Assert.Single(excluded.Rows.Skip(1));
        Assert.All(sheets.Where(s => s.Name != BaselineXlsxWriter.ExcludedSheet), s => Assert.Null(s.Row(BaselineTestData.ExcludedKey)));
    }

    [Fact]
    public void Write_RewordedLine_ShowsTheRewordingInBothLanguages()
    {
        var device = Sheet(Assessed.Value, BaselineXlsxWriter.SheetName(IotPartGroup.Device));

        var row = device.Row(BaselineTestData.RewordedKey)!;

        Assert.Equal(BaselineTestData.Rewording.Ja, row[4]);
        Assert.Equal(BaselineTestData.Rewording.En, row[5]);
    }

    [Fact]
    public void Write_Assessment_FillsStatusEvidenceLinksFilesAssessorAndDate()
    {
        var doc = BaselineTestData.WithAssessment();
        var sheets = XlsxSheet.ReadAll(Assessed.Value);
        var statuses = new HashSet<ImplementationStatus>();

        foreach (var line in doc.Lines.Where(l => !l.Excluded))
        {
            var sheet = sheets.First(s => s.Row(line.Key) is not null && s.Name != BaselineXlsxWriter.ExcludedSheet);
            var row = sheet.Row(line.Key)!;
            var r = line.Result!;
            statuses.Add(r.Status);
            Assert.Equal($"{BaselineText(r.Status, "ja")} / {BaselineText(r.Status, "en")}", row[sheet.Column("Status")]);
            Assert.Equal(r.Justification ?? string.Empty, row[sheet.Column("Justification")]);
            Assert.Equal(r.Evidence ?? string.Empty, row[sheet.Column("Evidence")]);
            Assert.Equal(string.Join("\n", r.Links), row[sheet.Column("Links")]);
            Assert.Equal(string.Join("\n", r.Files), row[sheet.Column("Files")]);
            Assert.Equal(r.Assessor, row[sheet.Column("Assessor")]);
            Assert.Equal(r.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[sheet.Column("Date")]);
        }
        Assert.Equal(4, statuses.Count);
    }

    private static string BaselineText(ImplementationStatus status, string lang) => (status, lang) switch
    {
        (ImplementationStatus.Implemented, "ja") => "実装済み",
        (ImplementationStatus.Partial, "ja") => "一部実装",
        (ImplementationStatus.NotImplemented, "ja") => "未実装",
        (ImplementationStatus.NotApplicable, "ja") => "対象外",
        (ImplementationStatus.Implemented, _) => "Implemented",
        (ImplementationStatus.Partial, _) => "Partial",
        (ImplementationStatus.NotImplemented, _) => "Not implemented",
        _ => "Not applicable",
    };

    [Fact]
    public void Write_Summary_NamesBaselineProductPartsGuidelinesAndAssessment()
    {
        var doc = BaselineTestData.WithAssessment();
        var summary = Sheet(Assessed.Value, BaselineXlsxWriter.SummarySheet);
        string Value(string label) => summary.Rows.First(r => r[0].EndsWith("/ " + label, StringComparison.Ordinal))[1];

        Assert.Equal(doc.Name, Value("Baseline"));
        Assert.Equal("v3", Value("Version"));
        Assert.Equal(doc.Product!.Name, Value("Product"));
        Assert.Equal(doc.Field, Value("Field"));
        Assert.Contains("network-local (近距離ネットワーク / Local network)", Value("IoT parts"), StringComparison.Ordinal);
        Assert.Contains("ETSI EN 303 645", Value("Source guidelines"), StringComparison.Ordinal);
        Assert.Contains("JC-STAR", Value("Source guidelines"), StringComparison.Ordinal);
        Assert.Equal("2.4.1", Value("Product version"));
        Assert.Equal("MUST 未達 / MUST not met", Value("Actual level"));
        Assert.Equal(doc.Assessment!.Shares[Domain.Baselines.RequirementLevel.Must], double.Parse(Value("Share met: MUST"), CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void Write_WithoutAssessment_HasNoAssessmentColumnsOrRows()
    {
        var sheets = XlsxSheet.ReadAll(Unassessed.Value);

        Assert.All(sheets.Where(s => s.Name != BaselineXlsxWriter.SummarySheet), s => Assert.Equal(-1, s.Column("Status")));
        Assert.DoesNotContain(sheets[0].Rows, r => r[0].Contains("Product version", StringComparison.Ordinal));
        Assert.Equal(9, sheets[1].Header.Count);
    }

    [Fact]
    public void Write_TextWithControlCharacters_IsKeptReadable()
    {
        var doc = BaselineTestData.WithoutAssessment();
        var own = doc.Lines.Single(l => l.Key == BaselineTestData.OwnTaggedKey);
        doc = doc with { Lines = [.. doc.Lines.Select(l => l == own ? l with { Title = new LocalizedText("Bell\u0007 and\r\nbreak", "ベル\u0001") } : l)] };

        var device = Sheet(Export(doc), BaselineXlsxWriter.SheetName(IotPartGroup.Device));

        var row = device.Row(BaselineTestData.OwnTaggedKey)!;
        Assert.Equal("Bell and\nbreak", row[5]);
        Assert.Equal("ベル", row[4]);
    }
}
