using System.Globalization;
using Shirube.Domain.Guidelines;
using SkiaSharp;

namespace Shirube.Formats.Exports;

/// <summary>Settings of the PDF export.</summary>
public sealed record BaselinePdfOptions
{
    /// <summary>
    /// A font file (.ttf, .otf or .ttc) with Japanese glyphs to use instead of the one found on the system, e.g.
    /// <c>/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc</c>. From a collection the Japanese face is taken.
    /// </summary>
    public string? FontPath { get; init; }

    /// <summary>The bold face to go with <see cref="FontPath"/>; without it bold is synthesised.</summary>
    public string? BoldFontPath { get; init; }

    /// <summary>
    /// Whether the system's fonts may be used: the well-known font files when <see cref="FontPath"/> is not set, and
    /// the font manager's faces for characters the main font lacks. False draws with <see cref="FontPath"/> alone
    /// (reproducible output whatever the machine has installed).
    /// </summary>
    public bool SystemFonts { get; init; } = true;
}

/// <summary>
/// Writes a baseline as a PDF (A4, portrait) in Japanese or English, with the structure of the HTML export: cover,
/// scope, the requirements by part group and level, the assessment when there is one, and the lines left out as an
/// appendix. Text is real text in an embedded, subset font, so it can be searched, copied and extracted.
/// </summary>
/// <remarks>
/// Drawn with SkiaSharp's PDF back end. Japanese needs a font with Japanese glyphs: Noto Sans CJK (Debian/Ubuntu
/// package <c>fonts-noto-cjk</c>) is found at its usual places, other systems' Japanese fonts too, or a file can be
/// configured (<see cref="BaselinePdfOptions.FontPath"/>). Without one, a document that contains Japanese is refused
/// with an <see cref="InvalidOperationException"/> naming the package, rather than printed as boxes.
/// </remarks>
public static class BaselinePdfWriter
{
    private static readonly SKColor Ink = new(0x1B, 0x24, 0x30);
    private static readonly SKColor Muted = new(0x5B, 0x66, 0x75);
    private static readonly PdfStyle Title = new(26, true, Ink);
    private static readonly PdfStyle Subtitle = new(15, false, Muted);
    private static readonly PdfStyle H1 = new(16, true, Ink);
    private static readonly PdfStyle H2 = new(13, true, Ink);
    private static readonly PdfStyle H3 = new(11, true, new SKColor(0x33, 0x44, 0x55));
    private static readonly PdfStyle Body = new(9.5f, false, Ink);
    private static readonly PdfStyle Label = new(9.5f, true, Muted);
    private static readonly PdfStyle CellText = new(8.5f, false, Ink);
    private static readonly PdfStyle CellBold = new(8.5f, true, Ink);
    private static readonly PdfStyle CellMuted = new(7.5f, false, Muted);
    private static readonly PdfStyle HeaderCell = new(8, true, Ink);

    /// <summary>Writes the PDF to <paramref name="output"/> (left open).</summary>
    /// <param name="doc">The baseline to export.</param>
    /// <param name="language">"ja" or "en" (a tag such as "ja-JP" is also accepted).</param>
    /// <param name="output">Where the PDF bytes go. Nothing is written when the export fails for want of a font.</param>
    /// <param name="options">Font settings; null finds the font on the system.</param>
    /// <exception cref="ArgumentException">The language is neither Japanese nor English.</exception>
    /// <exception cref="InvalidOperationException">The document contains Japanese and no Japanese font was found (install fonts-noto-cjk).</exception>
    /// <exception cref="FileNotFoundException">A configured font file does not exist.</exception>
    public static void Write(BaselineDocument doc, string language, Stream output, BaselinePdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        var lang = BaselineText.Language(language, nameof(language));
        using var fonts = PdfFonts.Find(options ?? new BaselinePdfOptions());
        var layout = new PdfLayout(fonts);
        new Composer(doc, lang, layout, ExportCharts.PdfFont(fonts)).Compose();

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"{BaselineText.Word("DocumentTitle", lang)} — {doc.Name}";
        metadata.Author = doc.Organisation;
        metadata.Subject = doc.Product?.Name ?? doc.Field;
        metadata.Creator = "Shirube";
        metadata.Producer = "Shirube (SkiaSharp)";
        // Dates from the document, not the clock: the same baseline gives the same file.
        metadata.Creation = doc.PublishedAt;
        metadata.Modified = doc.PublishedAt;
        using var pdf = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        var header = $"{BaselineText.Word("DocumentTitle", lang)} — {doc.Name}";
        layout.Render(pdf, header, BaselineText.VersionText(doc, lang),
            (page, pages) => string.Format(CultureInfo.InvariantCulture, BaselineText.Word("Page", lang), page, pages));
        pdf.Close();
    }

    private sealed class Composer(BaselineDocument doc, string lang, PdfLayout layout, string chartFont)
    {
        private string W(string key) => BaselineText.Word(key, lang);

        public void Compose()
        {
            Cover();
            Scope();
            Requirements();
            if (doc.Assessment is not null)
                Assessment();
            Excluded();
        }

        private void Cover()
        {
            layout.NewPage(header: false);
            layout.MoveTo(230);
            layout.Heading(W("DocumentTitle"), Title, after: 10);
            layout.Paragraph(doc.Name, Subtitle);
            layout.Space(36);
            var facts = new List<(string, string)>
            {
                (W("Product"), doc.Product?.Name ?? W("CompanyBaseline")),
                (W("Organisation"), doc.Organisation),
                (W("Version"), BaselineText.VersionText(doc, lang)),
            };
            if (doc.PublishedAt is { } published)
                facts.Add((W("Published"), BaselineText.Date(published)));
            if (doc.Assessment is { } a)
                facts.Add(($"{W("Assessment")}: {W("ProductVersion")}", a.ProductVersion));
            layout.Facts(facts, Label, Body);
        }

        private void Scope()
        {
            layout.NewPage();
            layout.Heading($"1. {W("Scope")}", H1);
            var facts = new List<(string, string)>
            {
                (W("Product"), doc.Product?.Name ?? W("CompanyBaseline")),
                (W("Field"), doc.Field),
            };
            if (doc.Product is { } product)
            {
                if (product.Sector is { } sector)
                    facts.Add((W("Sector"), BaselineText.Sector(sector, lang)));
                facts.Add((W("Markets"), product.Markets.Count == 0 ? W("None") : string.Join(", ", product.Markets)));
                facts.Add((W("RiskClass"), product.RiskClass?.ToString(CultureInfo.InvariantCulture) ?? W("None")));
                facts.Add((W("RequiredLevel"), BaselineText.LevelCode(product.RequiredLevel)));
            }
            facts.Add((W("Parts"), string.Join("\n", doc.Parts.Select(p => $"{BaselineText.Part(p, lang)} ({p.ToId()})"))));
            facts.Add((W("SourceGuidelines"), string.Join("\n", doc.Guidelines.Select(g => BaselineText.GuidelineLine(g, lang)))));
            var included = doc.Lines.Where(l => !l.Excluded).ToList();
            facts.Add((W("LineCount"), string.Join(", ", BaselineText.Levels.Select(level =>
                $"{BaselineText.LevelCode(level)} {included.Count(l => l.Level == level).ToString(CultureInfo.InvariantCulture)}"))));
            layout.Facts(facts, Label, Body);
        }

        private void Requirements()
        {
            layout.NewPage();
            layout.Heading($"2. {W("RequirementsByPart")}", H1);
            var assessed = doc.Assessment is not null;
            var n = 0;
            foreach (var (group, lines) in BaselineText.Sections(doc))
            {
                n++;
                layout.Heading($"2.{n.ToString(CultureInfo.InvariantCulture)} {BaselineText.Section(group, lang)}", H2, before: 16);
                if (lines.Count == 0)
                    layout.Paragraph(W("NoLines"), CellMuted);
                foreach (var level in BaselineText.Levels)
                {
                    var atLevel = lines.Where(l => l.Level == level).ToList();
                    if (atLevel.Count == 0)
                        continue;
                    layout.Heading(BaselineText.LevelHeading(level, lang), H3, before: 8, after: 4);
                    List<PdfColumn> columns = [new(W("RequirementId"), 15), new(W("Guideline"), 17), new($"{W("Title")} / {W("Summary")}", assessed ? 54 : 68)];
                    if (assessed)
                        columns.Add(new(W("Status"), 14));
                    layout.Table(columns, atLevel.Select(line =>
                    {
                        List<IReadOnlyList<PdfSpan>> row =
                        [
                            [new(line.RequirementId, CellText)],
                            [new(BaselineText.GuidelineName(doc, line, lang), CellText)],
                            line.Summary is { } s ? [new(line.Title.In(lang), CellBold), new(s.In(lang), CellMuted)] : [new(line.Title.In(lang), CellBold)],
                        ];
                        if (assessed)
                            row.Add([new(StatusText(line), CellText)]);
                        return (IReadOnlyList<IReadOnlyList<PdfSpan>>)row;
                    }), HeaderCell);
                }
            }
        }

        private string StatusText(BaselineLine line) => line.Result is { } r ? BaselineText.Status(r.Status, lang) : W("NotAssessed");

        private void Assessment()
        {
            var a = doc.Assessment!;
            layout.NewPage();
            layout.Heading($"3. {W("Assessment")}", H1);
            layout.Heading($"3.1 {W("AssessmentSummary")}", H2);
            var facts = new List<(string, string)>
            {
                (W("ProductVersion"), a.ProductVersion),
                (W("Started"), BaselineText.Time(a.Started)),
                (W("Completed"), a.Completed is { } c ? BaselineText.Time(c) : W("NotCompleted")),
                (W("ActualLevel"), a.ActualLevel is { } actual ? BaselineText.LevelCode(actual) : W("NoLevel")),
            };
            if (doc.Product is { } product)
                facts.Add((W("RequiredLevel"), BaselineText.LevelCode(product.RequiredLevel)));
            foreach (var level in BaselineText.Levels)
            {
                if (a.Shares.TryGetValue(level, out var share))
                    facts.Add(($"{W("ShareMet")}: {BaselineText.LevelCode(level)}", BaselineText.Percent(share)));
            }
            layout.Facts(facts, Label, Body);
            foreach (var (title, plot) in ExportCharts.For(a, lang, chartFont))
            {
                layout.Heading(title, H3, before: 12, after: 2, keep: 200);
                layout.Picture(200, (canvas, area) => ExportCharts.Draw(plot, canvas, area));
            }

            layout.Heading($"3.2 {W("AssessmentLines")}", H2, before: 18);
            layout.Table(
                [new(W("RequirementId"), 13), new(W("Level"), 9), new(W("Title"), 23), new(W("Status"), 10),
                 new($"{W("Justification")} / {W("Evidence")}", 25), new(W("Assessor"), 10), new(W("AssessedOn"), 12)],
                doc.Lines.Where(l => !l.Excluded).Select(line =>
                {
                    var r = line.Result;
                    var detail = new List<PdfSpan>();
                    if (r?.Justification is { } j)
                        detail.Add(new(j, CellText));
                    if (r?.Evidence is { } e)
                        detail.Add(new(e, CellText));
                    detail.AddRange((r?.Links ?? []).Select(l => new PdfSpan(l, CellMuted)));
                    detail.AddRange((r?.Files ?? []).Select(f => new PdfSpan(f, CellMuted)));
                    return (IReadOnlyList<IReadOnlyList<PdfSpan>>)
                    [
                        [new(line.RequirementId, CellText), new(BaselineText.GuidelineName(doc, line, lang), CellMuted)],
                        [new(BaselineText.LevelCode(line.Level), CellText)],
                        [new(line.Title.In(lang), CellText)],
                        [new(StatusText(line), CellBold)],
                        detail,
                        [new(r?.Assessor ?? string.Empty, CellText)],
                        [new(r is null ? string.Empty : BaselineText.Date(r.AssessedOn), CellText)],
                    ];
                }),
                HeaderCell);
        }

        private void Excluded()
        {
            layout.NewPage();
            layout.Heading(W("ExcludedAppendix"), H1);
            var excluded = doc.Lines.Where(l => l.Excluded).ToList();
            if (excluded.Count == 0)
            {
                layout.Paragraph(W("ExcludedNone"), Body);
                return;
            }
            layout.Table(
                [new(W("RequirementId"), 14), new(W("Guideline"), 16), new(W("Level"), 10), new(W("Title"), 30), new(W("Reason"), 30)],
                excluded.Select(line => (IReadOnlyList<IReadOnlyList<PdfSpan>>)
                [
                    [new(line.RequirementId, CellText)],
                    [new(BaselineText.GuidelineName(doc, line, lang), CellText)],
                    [new(BaselineText.LevelCode(line.Level), CellText)],
                    [new(line.Title.In(lang), CellText)],
                    [new(line.ExclusionReason ?? string.Empty, CellText)],
                ]),
                HeaderCell);
        }
    }
}
