using System.Net;
using System.Text.RegularExpressions;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;

namespace Shirube.Formats.Tests.Exports;

public partial class BaselineHtmlWriterTests
{
    [GeneratedRegex("<section[ >]")]
    private static partial Regex SectionOpen();

    [GeneratedRegex("<(script|link|img|iframe)[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalOrActive();

    private static int Index(string html, string text)
    {
        var i = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{text}' is not in the page");
        return i;
    }

    [Theory]
    [InlineData("ja", "製品セキュリティガイドライン", "適用範囲", "構成要素別・レベル別の要求事項", "評価結果", "付録: 対象外とした要求事項")]
    [InlineData("en", "Product security guideline", "Scope", "Requirements by part and level", "Assessment", "Appendix: requirements left out")]
    public void Write_AssessedBaseline_HasCoverScopeRequirementsAssessmentAndAppendixInOrder(string lang, string title, string scope, string requirements, string assessment, string appendix)
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), lang);

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        var cover = Index(html, $"<h1>{title}</h1>");
        var scopeAt = Index(html, $"<h2>1. {scope}</h2>");
        var requirementsAt = Index(html, $"<h2>2. {requirements}</h2>");
        var assessmentAt = Index(html, $"<h2>3. {assessment}</h2>");
        var appendixAt = Index(html, $"<h2>{appendix}</h2>");
        Assert.True(cover < scopeAt && scopeAt < requirementsAt && requirementsAt < assessmentAt && assessmentAt < appendixAt);
        Assert.Equal(SectionOpen().Count(html), Regex.Count(html, "</section>"));
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "業種", "コンシューマ")]
    [InlineData("en", "Sector", "Consumer")]
    public void The_scope_names_the_sector_in_the_language_of_the_export_not_by_its_code(string lang, string label, string sector)
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), lang);

        var at = Index(html, label);
        Assert.True(html.IndexOf(sector, at, StringComparison.Ordinal) is var s && s > at && s - at < 80, html[at..(at + 80)]);
        Assert.DoesNotContain(">consumer<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "IoT 構成要素別の達成率", "デバイス", "マネジメント", "バージョンごとの達成率の推移")]
    [InlineData("en", "Share met per IoT part", "Device", "Management", "Share met across versions")]
    public void The_assessment_chapter_charts_the_parts_and_the_history_as_inline_svg_in_the_language(string lang, string partsTitle, string device, string management, string historyTitle)
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), lang);

        var assessment = Index(html, "id=\"assessment\"");
        var lines = Index(html, "<h3>3.2 ");
        var figures = Regex.Matches(html, "<figure class=\"chart\"><figcaption>([^<]*)</figcaption>(<svg.*?</svg>)\\s*</figure>", RegexOptions.Singleline);
        Assert.True(figures.Count == 2, html[assessment..Math.Min(html.Length, assessment + 2500)]);
        Assert.All(figures, f => Assert.InRange(f.Index, assessment, lines));
        var (parts, history) = (figures[0].Groups, figures[1].Groups);
        Assert.StartsWith(partsTitle, parts[1].Value, StringComparison.Ordinal);
        Assert.Contains(device, parts[2].Value, StringComparison.Ordinal);
        Assert.Contains(management, parts[2].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Platform", parts[2].Value, StringComparison.Ordinal);
        Assert.Equal(historyTitle, history[1].Value);
        foreach (var label in new[] { "2.3.0", "2.4.1", "MUST", "SHOULD", "BETTER", "100 %" })
            Assert.Contains(label, history[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_without_an_assessment_has_no_charts()
    {
        Assert.DoesNotContain("<svg", BaselineHtmlWriter.Write(BaselineTestData.WithoutAssessment(), "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Page_IsSelfContainedAndPrintable()
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), "ja");

        Assert.DoesNotMatch(ExternalOrActive(), html);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Write_EveryIncludedLine_IsListedUnderEachOfItsPartGroupsAtItsLevel(string lang)
    {
        var doc = BaselineTestData.WithAssessment();
        var html = BaselineHtmlWriter.Write(doc, lang);
        var requirements = html[Index(html, "id=\"requirements\"")..Index(html, "id=\"assessment\"")];

        foreach (var line in doc.Lines.Where(l => !l.Excluded))
        {
            var groups = line.Parts.Count == 0 ? ["other"] : line.Parts.Select(IotParts.GroupOf).Distinct().Select(g => g.ToString().ToLowerInvariant());
            foreach (var group in groups)
            {
                var section = requirements[Index(requirements, $"id=\"part-{group}\"")..];
                section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
                Assert.Contains($"<div class=\"title\">{WebUtility.HtmlEncode(line.Title.In(lang))}</div>", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Write_TitleWithScriptTag_IsEncoded()
    {
        var doc = BaselineTestData.WithAssessment();
        var own = doc.Lines.Single(l => l.Key == BaselineTestData.OwnTaggedKey);
        doc = doc with
        {
            Name = "Camera <b>bold</b>",
            Lines = [.. doc.Lines.Select(l => l == own ? l with { Title = new LocalizedText("<script>alert('x')</script>", "<script>alert(\"x\")</script>") } : l)],
        };

        var html = BaselineHtmlWriter.Write(doc, "en");

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Camera &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OwnLineWithQuotesAndAmpersand_IsEncoded()
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), "en");

        Assert.Contains("Tamper-evident &quot;seal&quot; on the &lt;case&gt; &amp; screws", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EvidenceLinks_OnlyHttpBecomesAnAnchor()
    {
        var doc = BaselineTestData.WithAssessment();
        var line = doc.Lines.First(l => l.Result is { Links.Count: > 0 });
        doc = doc with { Lines = [.. doc.Lines.Select(l => l == line ? l with { Result = l.Result! with { Links = ["javascript:alert(1)", "https://example.com/a?b=1&c=2"] } } : l)] };

        var html = BaselineHtmlWriter.Write(doc, "en");

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<li>javascript:alert(1)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExcludedLine_IsOnlyInTheAppendixWithItsReason()
    {
        var doc = BaselineTestData.WithAssessment();
        var excluded = doc.Lines.Single(l => l.Key == BaselineTestData.ExcludedKey);

        var html = BaselineHtmlWriter.Write(doc, "ja");

        var appendix = html[Index(html, "id=\"excluded\"")..];
        Assert.Contains(WebUtility.HtmlEncode(excluded.Title.Ja), appendix, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(BaselineTestData.ExclusionReason), appendix, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(excluded.Title.Ja), html[..Index(html, "id=\"excluded\"")], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Assessment_ShowsSummaryAndEveryStatus()
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithAssessment(), "ja");
        var assessment = html[Index(html, "id=\"assessment\"")..Index(html, "id=\"excluded\"")];

        Assert.Contains("<dt>製品バージョン</dt><dd>2.4.1</dd>", assessment, StringComparison.Ordinal);
        Assert.Contains("<dt>実際のレベル</dt><dd>MUST 未達</dd>", assessment, StringComparison.Ordinal);
        Assert.Contains("<dt>達成率: MUST</dt>", assessment, StringComparison.Ordinal);
        foreach (var (id, text) in new[] { ("implemented", "実装済み"), ("partial", "一部実装"), ("not-implemented", "未実装"), ("not-applicable", "対象外") })
            Assert.Contains($"<span class=\"status status-{id}\">{text}</span>", assessment, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithoutAssessment_HasNoAssessmentChapterOrStatusColumn()
    {
        var html = BaselineHtmlWriter.Write(BaselineTestData.WithoutAssessment(), "en");

        Assert.DoesNotContain("id=\"assessment\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Status</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UnknownLanguage_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => BaselineHtmlWriter.Write(BaselineTestData.WithoutAssessment(), "fr"));
    }
}
