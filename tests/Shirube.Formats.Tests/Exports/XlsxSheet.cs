using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shirube.Formats.Tests.Exports;

/// <summary>One worksheet of an .xlsx read back: its name, cell texts by row, and the view settings a user sees.</summary>
internal sealed record XlsxSheet(
    string Name, IReadOnlyList<IReadOnlyList<string>> Rows, bool FrozenHeader, string? AutoFilter, IReadOnlyList<double> Widths, IReadOnlyList<uint> HeaderStyles)
{
    public IReadOnlyList<string> Header => Rows[0];

    public int Column(string headerPart) => Header.ToList().FindIndex(h => h.Contains(headerPart, StringComparison.Ordinal));

    /// <summary>The data row whose first cell (Key) is <paramref name="key"/>, or null.</summary>
    public IReadOnlyList<string>? Row(string key) => Rows.Skip(1).FirstOrDefault(r => r.Count > 0 && r[0] == key);

    /// <summary>Reads every sheet of the workbook, in order.</summary>
    public static IReadOnlyList<XlsxSheet> ReadAll(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var package = SpreadsheetDocument.Open(stream, false);
        var workbook = package.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new List<XlsxSheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var rows = worksheet.Descendants<Row>().Select(r => (IReadOnlyList<string>)r.Elements<Cell>().Select(c => Text(c, shared)).ToList()).ToList();
            var pane = worksheet.Descendants<Pane>().FirstOrDefault();
            var frozen = pane is not null && pane.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1D;
            var widths = worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
            var headerStyles = worksheet.Descendants<Row>().FirstOrDefault()?.Elements<Cell>().Select(c => c.StyleIndex?.Value ?? 0).ToList() ?? [];
            sheets.Add(new XlsxSheet(sheet.Name!, rows, frozen, worksheet.Descendants<AutoFilter>().FirstOrDefault()?.Reference?.Value, widths, headerStyles));
        }
        return sheets;
    }

    /// <summary>Whether the style is bold (the font of its cell format).</summary>
    public static bool IsBold(byte[] xlsx, uint styleIndex)
    {
        using var stream = new MemoryStream(xlsx);
        using var package = SpreadsheetDocument.Open(stream, false);
        var styles = package.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex);
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0));
        return font.Bold is not null;
    }

    private static string Text(Cell cell, List<string> shared) =>
        cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
        : cell.CellValue?.Text ?? string.Empty;
}
