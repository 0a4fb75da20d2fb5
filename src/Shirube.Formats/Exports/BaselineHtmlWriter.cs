using System.Globalization;
using System.Net;
using System.Text;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Exports;

/// <summary>
/// Writes a baseline as one self-contained, printable HTML page (the product security guideline, 製品セキュリティガイドライン)
/// in Japanese or English: cover, scope, the requirements by part group and level, the assessment when there is one,
/// and the lines left out as an appendix.
/// </summary>
/// <remarks>
/// The page has no scripts, no external style sheets, fonts or images: it prints from any browser and can be
/// mailed as one file. Print styles set A4 pages, start each chapter on a new page, repeat table headers and keep
/// rows together. Every text from the document is HTML-encoded. A line tagged with parts of several groups is
/// listed under each; a line with no part under "other" (see <see cref="BaselineText.Sections"/>).
/// </remarks>
public static class BaselineHtmlWriter
{
    private const string Css = """
        :root { --ink: #1b2430; --muted: #5b6675; --rule: #c9d2dc; --head: #e8eef5; --must: #9b1c1c; --should: #8a5a00; --better: #1f5f3a; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, system-ui, sans-serif;
               color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 2rem; line-height: 1.55; font-size: 10.5pt; }
        h1 { font-size: 2rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.15rem; margin-top: 1.8rem; }
        h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        .cover { min-height: 80vh; display: flex; flex-direction: column; justify-content: center; }
        .cover .subtitle { font-size: 1.3rem; color: var(--muted); margin-bottom: 2rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; margin: 0; }
        dl.facts dt { font-weight: bold; color: var(--muted); }
        dl.facts dd { margin: 0; }
        figure.chart { margin: 1rem 0; break-inside: avoid; }
        figure.chart figcaption { font-weight: bold; color: var(--muted); margin-bottom: .3rem; }
        figure.chart svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--rule); padding: .3rem .45rem; vertical-align: top; text-align: left; }
        th { background: var(--head); }
        td.id { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
        .summary { color: var(--muted); font-size: .92em; }
        .level { font-weight: bold; white-space: nowrap; }
        .level-must { color: var(--must); } .level-should { color: var(--should); } .level-better { color: var(--better); }
        .status { white-space: nowrap; }
        .status-implemented { color: var(--better); } .status-partial { color: var(--should); }
        .status-not-implemented { color: var(--must); font-weight: bold; } .status-not-applicable { color: var(--muted); }
        .empty { color: var(--muted); font-style: italic; }
        nav.toc ol { list-style: none; padding-left: 0; }
        ul.plain { margin: 0; padding-left: 1.1rem; }
        @page { size: A4; margin: 16mm 14mm 18mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          .chapter { break-before: page; page-break-before: always; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    /// <summary>Writes the page.</summary>
    /// <param name="doc">The baseline to export.</param>
    /// <param name="language">"ja" or "en" (a tag such as "ja-JP" is also accepted).</param>
    /// <returns>The HTML document, UTF-8 text with a <c>&lt;meta charset&gt;</c>, ending with a newline.</returns>
    /// <exception cref="ArgumentException">The language is neither Japanese nor English.</exception>
    public static string Write(BaselineDocument doc, string language)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var lang = BaselineText.Language(language, nameof(language));
        return new Page(doc, lang).Render();
    }

    private sealed class Page(BaselineDocument doc, string lang)
    {
        private readonly StringBuilder _html = new();

        private string W(string key) => BaselineText.Word(key, lang);

        private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        // Line breaks in user text (evidence, reasons) survive as <br>.
        private static string Multiline(string? text) => E(text).ReplaceLineEndings("<br>");

        private Page Append(string html)
        {
            _html.Append(html);
            return this;
        }

        private Page Line(string html)
        {
            _html.Append(html).Append('\n');
            return this;
        }

        public string Render()
        {
            var title = $"{W("DocumentTitle")} — {doc.Name}";
            Line("<!DOCTYPE html>")
                .Line($"<html lang=\"{lang}\">")
                .Line("<head>")
                .Line("<meta charset=\"utf-8\">")
                .Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Line("<meta name=\"generator\" content=\"Shirube\">")
                .Line($"<title>{E(title)}</title>")
                .Line("<style>").Line(Css).Line("</style>")
                .Line("</head>")
                .Line("<body>");
            Cover();
            Contents();
            Scope();
            Requirements();
            if (doc.Assessment is not null)
                Assessment();
            Excluded();
            Line("</body>").Line("</html>");
            return _html.ToString();
        }

        private void Cover()
        {
            Line("<section class=\"cover\" id=\"cover\">")
                .Line($"<h1>{E(W("DocumentTitle"))}</h1>")
                .Line($"<p class=\"subtitle\">{E(doc.Name)}</p>")
                .Line("<dl class=\"facts\">");
            Fact(W("Product"), doc.Product?.Name ?? W("CompanyBaseline"));
            Fact(W("Organisation"), doc.Organisation);
            Fact(W("Version"), BaselineText.VersionText(doc, lang));
            if (doc.PublishedAt is { } published)
                Fact(W("Published"), BaselineText.Date(published));
            if (doc.Assessment is { } a)
                Fact($"{W("Assessment")}: {W("ProductVersion")}", a.ProductVersion);
            Line("</dl>").Line("</section>");
        }

        private void Contents()
        {
            Line("<nav class=\"toc\">").Line($"<h2>{E(W("Contents"))}</h2>").Line("<ol>")
                .Line($"<li><a href=\"#scope\">1. {E(W("Scope"))}</a></li>")
                .Line($"<li><a href=\"#requirements\">2. {E(W("RequirementsByPart"))}</a></li>");
            if (doc.Assessment is not null)
                Line($"<li><a href=\"#assessment\">3. {E(W("Assessment"))}</a></li>");
            Line($"<li><a href=\"#excluded\">{E(W("ExcludedAppendix"))}</a></li>").Line("</ol>").Line("</nav>");
        }

        private void Scope()
        {
            Line("<section class=\"chapter\" id=\"scope\">").Line($"<h2>1. {E(W("Scope"))}</h2>").Line("<dl class=\"facts\">");
            Fact(W("Product"), doc.Product?.Name ?? W("CompanyBaseline"));
            Fact(W("Field"), doc.Field);
            if (doc.Product is { } product)
            {
                if (product.Sector is { } sector)
                    Fact(W("Sector"), BaselineText.Sector(sector, lang));
                Fact(W("Markets"), product.Markets.Count == 0 ? W("None") : string.Join(", ", product.Markets));
                Fact(W("RiskClass"), product.RiskClass?.ToString(CultureInfo.InvariantCulture) ?? W("None"));
                Fact(W("RequiredLevel"), BaselineText.LevelCode(product.RequiredLevel));
            }
            Append($"<dt>{E(W("Parts"))}</dt><dd><ul class=\"plain\">");
            foreach (var part in doc.Parts)
                Append($"<li>{E(BaselineText.Part(part, lang))} <span class=\"summary\">({E(part.ToId())})</span></li>");
            Line("</ul></dd>");
            Append($"<dt>{E(W("SourceGuidelines"))}</dt><dd><ul class=\"plain\">");
            foreach (var g in doc.Guidelines)
                Append($"<li>{E(BaselineText.GuidelineLine(g, lang))}</li>");
            Line("</ul></dd>");
            var included = doc.Lines.Where(l => !l.Excluded).ToList();
            Fact(W("LineCount"), string.Join(", ", BaselineText.Levels.Select(level =>
                $"{BaselineText.LevelCode(level)} {included.Count(l => l.Level == level).ToString(CultureInfo.InvariantCulture)}")));
            Line("</dl>").Line("</section>");
        }

        private void Requirements()
        {
            Line("<section class=\"chapter\" id=\"requirements\">").Line($"<h2>2. {E(W("RequirementsByPart"))}</h2>");
            var n = 0;
            foreach (var (group, lines) in BaselineText.Sections(doc))
            {
                n++;
                var section = $"2.{n.ToString(CultureInfo.InvariantCulture)}";
                Line($"<section class=\"part\" id=\"part-{(group is { } g ? g.ToString().ToLowerInvariant() : "other")}\">")
                    .Line($"<h3>{section} {E(BaselineText.Section(group, lang))}</h3>");
                if (lines.Count == 0)
                    Line($"<p class=\"empty\">{E(W("NoLines"))}</p>");
                foreach (var level in BaselineText.Levels)
                {
                    var atLevel = lines.Where(l => l.Level == level).ToList();
                    if (atLevel.Count == 0)
                        continue;
                    Line($"<h4 class=\"level level-{BaselineText.LevelCode(level).ToLowerInvariant()}\">{E(BaselineText.LevelHeading(level, lang))}</h4>");
                    LineTable(atLevel);
                }
                Line("</section>");
            }
            Line("</section>");
        }

        private void LineTable(List<BaselineLine> lines)
        {
            var assessed = doc.Assessment is not null;
            Append("<table class=\"lines\"><thead><tr>")
                .Append($"<th>{E(W("RequirementId"))}</th><th>{E(W("Guideline"))}</th><th>{E(W("Title"))} / {E(W("Summary"))}</th>");
            if (assessed)
                Append($"<th>{E(W("Status"))}</th>");
            Line("</tr></thead><tbody>");
            foreach (var line in lines)
            {
                Append($"<tr><td class=\"id\">{E(line.RequirementId)}</td><td>{E(BaselineText.GuidelineName(doc, line, lang))}</td>")
                    .Append($"<td><div class=\"title\">{E(line.Title.In(lang))}</div>");
                if (line.Summary is { } summary)
                    Append($"<div class=\"summary\">{Multiline(summary.In(lang))}</div>");
                Append("</td>");
                if (assessed)
                    Append($"<td>{Status(line)}</td>");
                Line("</tr>");
            }
            Line("</tbody></table>");
        }

        private string Status(BaselineLine line) => line.Result is { } r
            ? $"<span class=\"status status-{BaselineText.StatusId(r.Status)}\">{E(BaselineText.Status(r.Status, lang))}</span>"
            : $"<span class=\"status empty\">{E(W("NotAssessed"))}</span>";

        private void Assessment()
        {
            var a = doc.Assessment!;
            Line("<section class=\"chapter\" id=\"assessment\">").Line($"<h2>3. {E(W("Assessment"))}</h2>")
                .Line($"<h3>3.1 {E(W("AssessmentSummary"))}</h3>").Line("<dl class=\"facts\">");
            Fact(W("ProductVersion"), a.ProductVersion);
            Fact(W("Started"), BaselineText.Time(a.Started));
            Fact(W("Completed"), a.Completed is { } c ? BaselineText.Time(c) : W("NotCompleted"));
            Fact(W("ActualLevel"), a.ActualLevel is { } actual ? BaselineText.LevelCode(actual) : W("NoLevel"));
            if (doc.Product is { } product)
                Fact(W("RequiredLevel"), BaselineText.LevelCode(product.RequiredLevel));
            foreach (var level in BaselineText.Levels)
            {
                if (a.Shares.TryGetValue(level, out var share))
                    Fact($"{W("ShareMet")}: {BaselineText.LevelCode(level)}", BaselineText.Percent(share));
            }
            Line("</dl>");
            foreach (var (title, plot) in ExportCharts.For(a, lang, ExportCharts.HtmlFont))
                Line($"<figure class=\"chart\"><figcaption>{E(title)}</figcaption>{ExportCharts.Svg(plot, 640, 280)}</figure>");

            Line($"<h3>3.2 {E(W("AssessmentLines"))}</h3>")
                .Append("<table class=\"results\"><thead><tr>")
                .Append($"<th>{E(W("RequirementId"))}</th><th>{E(W("Level"))}</th><th>{E(W("Title"))}</th><th>{E(W("Status"))}</th>")
                .Append($"<th>{E(W("Justification"))} / {E(W("Evidence"))}</th><th>{E(W("Assessor"))}</th><th>{E(W("AssessedOn"))}</th>")
                .Line("</tr></thead><tbody>");
            foreach (var line in doc.Lines.Where(l => !l.Excluded))
            {
                var level = BaselineText.LevelCode(line.Level);
                Append($"<tr><td class=\"id\">{E(line.RequirementId)}<br><span class=\"summary\">{E(BaselineText.GuidelineName(doc, line, lang))}</span></td>")
                    .Append($"<td class=\"level level-{level.ToLowerInvariant()}\">{level}</td>")
                    .Append($"<td>{E(line.Title.In(lang))}</td><td>{Status(line)}</td><td>");
                if (line.Result is { } r)
                {
                    if (r.Justification is { } j)
                        Append($"<div>{Multiline(j)}</div>");
                    if (r.Evidence is { } ev)
                        Append($"<div>{Multiline(ev)}</div>");
                    if (r.Links.Count > 0 || r.Files.Count > 0)
                    {
                        Append("<ul class=\"plain\">");
                        foreach (var link in r.Links)
                            Append($"<li>{Link(link)}</li>");
                        foreach (var file in r.Files)
                            Append($"<li>{E(file)}</li>");
                        Append("</ul>");
                    }
                }
                Append("</td>")
                    .Append($"<td>{E(line.Result?.Assessor)}</td>")
                    .Line($"<td>{(line.Result is { } res ? BaselineText.Date(res.AssessedOn) : string.Empty)}</td></tr>");
            }
            Line("</tbody></table>").Line("</section>");
        }

        // Only http(s) links become anchors: a javascript: or data: "link" from user input stays text.
        private static string Link(string link) =>
            Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(link)}</a>"
                : E(link);

        private void Excluded()
        {
            var excluded = doc.Lines.Where(l => l.Excluded).ToList();
            Line("<section class=\"chapter appendix\" id=\"excluded\">").Line($"<h2>{E(W("ExcludedAppendix"))}</h2>");
            if (excluded.Count == 0)
            {
                Line($"<p class=\"empty\">{E(W("ExcludedNone"))}</p>");
            }
            else
            {
                Append("<table class=\"excluded\"><thead><tr>")
                    .Append($"<th>{E(W("RequirementId"))}</th><th>{E(W("Guideline"))}</th><th>{E(W("Level"))}</th><th>{E(W("Title"))}</th><th>{E(W("Reason"))}</th>")
                    .Line("</tr></thead><tbody>");
                foreach (var line in excluded)
                {
                    var level = BaselineText.LevelCode(line.Level);
                    Line($"<tr><td class=\"id\">{E(line.RequirementId)}</td><td>{E(BaselineText.GuidelineName(doc, line, lang))}</td>"
                        + $"<td class=\"level level-{level.ToLowerInvariant()}\">{level}</td><td>{E(line.Title.In(lang))}</td><td>{Multiline(line.ExclusionReason)}</td></tr>");
                }
                Line("</tbody></table>");
            }
            Line("</section>");
        }

        private void Fact(string label, string value) => Line($"<dt>{E(label)}</dt><dd>{E(value)}</dd>");
    }
}
