using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Exports;

/// <summary>
/// Writes a baseline (and its assessment, when the document has one) as an Excel workbook (.xlsx) in both languages:
/// a summary sheet, one sheet per IoT part group with the included lines, and a sheet of the lines left out.
/// </summary>
/// <remarks>
/// <para>
/// Sheets: 概要 Summary; デバイス Device, ネットワーク Network, プラットフォーム Platform, マネジメント Management (always
/// present, possibly with only the header); その他 Other (only when some line is tagged with no part: we do not
/// guess that such a line is about management); 対象外 Excluded. A line tagged with parts of several groups appears
/// on each of their sheets. Every line sheet has a bold, frozen header row, an autofilter and fixed column widths;
/// text cells wrap.
/// </para>
/// <para>
/// Columns: Key, Guideline, Requirement id, Level, Title (ja), Title (en), Summary (ja), Summary (en), Parts, and
/// with an assessment Status, Justification, Evidence, Links, Files, Assessor, Date. Headers and the status read
/// "日本語 / English". Dates are ISO text (yyyy-MM-dd), shares are numbers formatted as percentages.
/// </para>
/// </remarks>
public static class BaselineXlsxWriter
{
    /// <summary>The sheet names, Japanese and English, in workbook order (Other only when needed).</summary>
    public const string SummarySheet = "概要 Summary";

    /// <summary>The sheet of the lines left out.</summary>
    public const string ExcludedSheet = "対象外 Excluded";

    /// <summary>The sheet of a part group, or of the lines with no part (<paramref name="group"/> null).</summary>
    public static string SheetName(IotPartGroup? group) => group switch
    {
        IotPartGroup.Device => "デバイス Device",
        IotPartGroup.Network => "ネットワーク Network",
        IotPartGroup.Platform => "プラットフォーム Platform",
        IotPartGroup.Management => "マネジメント Management",
        null => "その他 Other",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    // Cell styles (indexes into CellFormats below).
    private const uint Plain = 0;
    private const uint Header = 1;
    private const uint Wrapped = 2;
    private const uint Percent = 3;
    private const uint Heading = 4;

    // Excel refuses a cell longer than this.
    private const int MaxCellText = 32_767;

    private sealed record Column(string Header, double Width, Func<BaselineLine, string> Value);

    /// <summary>Writes the workbook to <paramref name="output"/>, which must be writable (and seekable: the package is a zip).</summary>
    /// <param name="doc">The baseline to export.</param>
    /// <param name="output">Where the .xlsx bytes go; left open.</param>
    public static void Write(BaselineDocument doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);

        // The package is written to a buffer first: the Open XML SDK needs a seekable, readable stream, and a response body is neither.
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();

            AddSheet(workbookPart, sheets, SummarySheet, SummaryData(doc), [34, 90], frozen: false);

            var lineColumns = LineColumns(doc);
            foreach (var (group, lines) in BaselineText.Sections(doc))
                AddLineSheet(workbookPart, sheets, definedNames, SheetName(group), lineColumns, lines);
            AddLineSheet(workbookPart, sheets, definedNames, ExcludedSheet, ExcludedColumns(doc), [.. doc.Lines.Where(l => l.Excluded)]);

            if (definedNames.HasChildren)
                workbookPart.Workbook.AppendChild(definedNames);
            workbookPart.Workbook.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static List<Column> LineColumns(BaselineDocument doc)
    {
        var columns = new List<Column>
        {
            new("キー / Key", 30, l => l.Key),
            new(BaselineText.Both("Guideline"), 18, l => BaselineText.GuidelineName(doc, l, "en")),
            new(BaselineText.Both("RequirementId"), 14, l => l.RequirementId),
            new(BaselineText.Both("Level"), 10, l => BaselineText.LevelCode(l.Level)),
            new("タイトル（日本語） / Title (ja)", 40, l => l.Title.Ja),
            new("タイトル（英語） / Title (en)", 40, l => l.Title.En),
            new("概要（日本語） / Summary (ja)", 60, l => l.Summary?.Ja ?? string.Empty),
            new("概要（英語） / Summary (en)", 60, l => l.Summary?.En ?? string.Empty),
            new(BaselineText.Both("Parts"), 22, l => string.Join(", ", l.Parts.Select(p => p.ToId()))),
        };
        if (doc.Assessment is not null)
        {
            columns.AddRange(
            [
                new(BaselineText.Both("Status"), 20, l => l.Result is { } r ? $"{BaselineText.Status(r.Status, "ja")} / {BaselineText.Status(r.Status, "en")}" : BaselineText.Both("NotAssessed")),
                new(BaselineText.Both("Justification"), 40, l => l.Result?.Justification ?? string.Empty),
                new(BaselineText.Both("Evidence"), 40, l => l.Result?.Evidence ?? string.Empty),
                new(BaselineText.Both("Links"), 36, l => string.Join("\n", l.Result?.Links ?? [])),
                new(BaselineText.Both("Files"), 28, l => string.Join("\n", l.Result?.Files ?? [])),
                new(BaselineText.Both("Assessor"), 16, l => l.Result?.Assessor ?? string.Empty),
                new(BaselineText.Both("AssessedOn"), 12, l => l.Result is { } r ? BaselineText.Date(r.AssessedOn) : string.Empty),
            ]);
        }
        return columns;
    }

    private static List<Column> ExcludedColumns(BaselineDocument doc) =>
    [
        new("キー / Key", 30, l => l.Key),
        new(BaselineText.Both("Guideline"), 18, l => BaselineText.GuidelineName(doc, l, "en")),
        new(BaselineText.Both("RequirementId"), 14, l => l.RequirementId),
        new(BaselineText.Both("Level"), 10, l => BaselineText.LevelCode(l.Level)),
        new("タイトル（日本語） / Title (ja)", 40, l => l.Title.Ja),
        new("タイトル（英語） / Title (en)", 40, l => l.Title.En),
        new(BaselineText.Both("Parts"), 22, l => string.Join(", ", l.Parts.Select(p => p.ToId()))),
        new(BaselineText.Both("Reason"), 60, l => l.ExclusionReason ?? string.Empty),
    ];

    private static void AddLineSheet(WorkbookPart workbookPart, Sheets sheets, DefinedNames definedNames, string name, List<Column> columns, IReadOnlyList<BaselineLine> lines)
    {
        var rows = new List<IReadOnlyList<(object? Value, uint Style)>>
        {
            columns.Select(c => ((object?)c.Header, Header)).ToList(),
        };
        rows.AddRange(lines.Select(l => (IReadOnlyList<(object?, uint)>)columns.Select(c => ((object?)c.Value(l), Wrapped)).ToList()));
        var sheetIndex = AddSheet(workbookPart, sheets, name, rows, [.. columns.Select(c => c.Width)], frozen: true);

        var range = $"$A$1:${ColumnName(columns.Count)}${rows.Count}";
        definedNames.AppendChild(new DefinedName($"'{name}'!{range}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = sheetIndex,
            Hidden = true,
        });
    }

    private static List<IReadOnlyList<(object? Value, uint Style)>> SummaryData(BaselineDocument doc)
    {
        var rows = new List<IReadOnlyList<(object?, uint)>>();
        void Row(string label, object? value, uint style = Wrapped) => rows.Add([(label, Header), (value, style)]);

        rows.Add([($"{BaselineText.Word("DocumentTitle", "ja")} / {BaselineText.Word("DocumentTitle", "en")}", Heading), (doc.Name, Heading)]);
        Row(BaselineText.Both("Baseline"), doc.Name);
        Row(BaselineText.Both("Version"), doc.Version > 0 ? BaselineText.VersionText(doc, "en") : BaselineText.Both("Draft"));
        Row(BaselineText.Both("Published"), doc.PublishedAt is { } p ? BaselineText.Date(p) : string.Empty);
        Row(BaselineText.Both("Organisation"), doc.Organisation);
        Row(BaselineText.Both("Product"), doc.Product?.Name ?? BaselineText.Both("CompanyBaseline"));
        if (doc.Product is { } product)
        {
            Row(BaselineText.Both("Sector"), product.Sector is { } sector ? $"{BaselineText.Sector(sector, "ja")} / {BaselineText.Sector(sector, "en")}" : string.Empty);
            Row(BaselineText.Both("Markets"), string.Join(", ", product.Markets));
            Row(BaselineText.Both("RiskClass"), product.RiskClass?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            Row(BaselineText.Both("RequiredLevel"), BaselineText.LevelCode(product.RequiredLevel));
        }
        Row(BaselineText.Both("Field"), doc.Field);
        Row(BaselineText.Both("Parts"), string.Join("\n", doc.Parts.Select(p => $"{p.ToId()} ({BaselineText.Part(p, "ja")} / {BaselineText.Part(p, "en")})")));
        Row(BaselineText.Both("SourceGuidelines"), string.Join("\n", doc.Guidelines.Select(g => BaselineText.GuidelineLine(g, "en"))));
        var included = doc.Lines.Where(l => !l.Excluded).ToList();
        foreach (var level in BaselineText.Levels)
            Row($"{BaselineText.Both("LineCount")}: {BaselineText.LevelCode(level)}", (double)included.Count(l => l.Level == level), Plain);
        Row($"{BaselineText.Both("LineCount")}: {BaselineText.Both("Own")}", (double)included.Count(l => l.GuidelineId is null), Plain);
        Row(BaselineText.Both("ExcludedAppendix"), (double)doc.Lines.Count(l => l.Excluded), Plain);

        if (doc.Assessment is { } a)
        {
            rows.Add([(BaselineText.Both("Assessment"), Heading), (null, Plain)]);
            Row(BaselineText.Both("ProductVersion"), a.ProductVersion);
            Row(BaselineText.Both("Started"), BaselineText.Time(a.Started));
            Row(BaselineText.Both("Completed"), a.Completed is { } c ? BaselineText.Time(c) : BaselineText.Both("NotCompleted"));
            Row(BaselineText.Both("ActualLevel"), a.ActualLevel is { } actual ? BaselineText.LevelCode(actual) : BaselineText.Both("NoLevel"));
            foreach (var level in BaselineText.Levels)
                Row($"{BaselineText.Both("ShareMet")}: {BaselineText.LevelCode(level)}", a.Shares.TryGetValue(level, out var share) ? share : null, Percent);
        }
        return rows;
    }

    /// <returns>The sheet's 0-based index in the workbook.</returns>
    private static uint AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, List<IReadOnlyList<(object? Value, uint Style)>> rows, double[] widths, bool frozen)
    {
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();

        var view = new SheetView { WorkbookViewId = 0U };
        if (frozen)
        {
            view.Append(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }
        else
        {
            view.TabSelected = sheets.ChildElements.Count == 0;
        }
        worksheet.Append(new SheetViews(view));

        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
            columns.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        worksheet.Append(columns);

        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var (value, style) = rows[r][c];
                var reference = ColumnName(c + 1) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                row.Append(value switch
                {
                    null => new Cell { CellReference = reference, StyleIndex = style },
                    double d => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(d) },
                    _ => TextCell(reference, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, style),
                });
            }
            data.Append(row);
        }
        worksheet.Append(data);
        if (frozen)
            worksheet.Append(new AutoFilter { Reference = $"A1:{ColumnName(widths.Length)}{rows.Count}" });

        worksheetPart.Worksheet = worksheet;
        var index = (uint)sheets.ChildElements.Count;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = index + 1, Name = name });
        return index;
    }

    private static Cell TextCell(string reference, string text, uint style)
    {
        var clean = XmlSafe(text);
        return new Cell
        {
            CellReference = reference,
            StyleIndex = style,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }),
        };
    }

    // XML 1.0 cannot carry most control characters; Excel refuses cells over 32,767 characters.
    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxCellText));
        for (var i = 0; i < text.Length && builder.Length < MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > MaxCellText)
                    break;
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' || (c >= 0x20 && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF'))
            {
                builder.Append(c);
            }
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                builder.Append('\n');
            }
        }
        return builder.ToString();
    }

    /// <summary>A column's letters: 1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - rest - 1) / 26;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Yu Gothic" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Yu Gothic" }),
            new Font(new Bold(), new FontSize { Val = 14D }, new FontName { Val = "Yu Gothic" }))
        { Count = 3U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE5F0" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
        { Count = 3U },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(),
                new RightBorder(),
                new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF8090A0" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2U },
        new CellFormats(
            // Plain
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U },
            // Header: bold on a light fill, wrapped, with a rule below
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { FontId = 1U, FillId = 2U, BorderId = 1U, NumberFormatId = 0U, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            // Wrapped text, top-aligned so that the rows of a long summary read from the top
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U, ApplyAlignment = true },
            // Percent (built-in format 9: 0%)
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 9U, ApplyNumberFormat = true },
            // Heading
            new CellFormat { FontId = 2U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U, ApplyFont = true })
        { Count = 5U });
}
