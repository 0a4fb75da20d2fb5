using System.Text;
using SkiaSharp;

namespace Shirube.Formats.Exports;

/// <summary>A text style of the PDF: size in points, weight, colour.</summary>
internal sealed record PdfStyle(float Size, bool Bold, SKColor Color)
{
    /// <summary>Line height: 1.45 em, roomy enough for Japanese.</summary>
    public float LineHeight => Size * 1.45f;
}

/// <summary>A paragraph inside a table cell.</summary>
internal sealed record PdfSpan(string Text, PdfStyle Style);

/// <summary>A table column: header text and relative width.</summary>
internal sealed record PdfColumn(string Header, float Weight);

/// <summary>
/// A small flowing layout for A4 pages: wrapped paragraphs, headings kept with what follows, label/value lists and
/// tables whose header row repeats on every page. Text wraps at spaces in Latin script and between any two
/// characters in Japanese, never putting closing punctuation (、。」…) at the start of a line. Pages are laid out
/// first and drawn afterwards, so that the footer can say "page n of N".
/// </summary>
internal sealed class PdfLayout(PdfFonts fonts)
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Left = 50;
    private const float Right = 50;
    private const float Top = 64;
    private const float Bottom = 62;
    private const float CellPadX = 4;
    private const float CellPadY = 3;

    private static readonly SKColor Rule = new(0xC9, 0xD2, 0xDC);
    private static readonly SKColor HeaderFill = new(0xE8, 0xEE, 0xF5);

    private readonly List<(bool Header, List<Action<SKCanvas>> Ops)> _pages = [];
    private List<Action<SKCanvas>> _ops = [];
    private float _y = Top;

    public static float ContentWidth => PageWidth - Left - Right;

    private static float Limit => PageHeight - Bottom;

    public int PageCount => _pages.Count;

    /// <summary>Starts a page; the cover has no running header.</summary>
    public void NewPage(bool header = true)
    {
        _ops = [];
        _pages.Add((header, _ops));
        _y = Top;
    }

    public void MoveTo(float y) => _y = y;

    public void Space(float height)
    {
        _y += height;
        if (_y > Limit)
            NewPage();
    }

    /// <summary>A heading, moved to the next page when it and a little of what follows do not fit.</summary>
    public void Heading(string text, PdfStyle style, float before = 14, float after = 6, float keep = 60)
    {
        if (_pages.Count == 0)
            NewPage();
        if (_y > Top)
            _y += before;
        var lines = Wrap(text, style, ContentWidth);
        if (_y + (lines.Count * style.LineHeight) + keep > Limit)
            NewPage();
        foreach (var line in lines)
            DrawLine(line, style, Left, style.LineHeight);
        _y += after;
    }

    /// <summary>A wrapped paragraph.</summary>
    public void Paragraph(string text, PdfStyle style, float indent = 0)
    {
        if (_pages.Count == 0)
            NewPage();
        foreach (var line in Wrap(text, style, ContentWidth - indent))
        {
            if (_y + style.LineHeight > Limit)
                NewPage();
            DrawLine(line, style, Left + indent, style.LineHeight);
        }
    }

    /// <summary>A picture the full content width wide and <paramref name="height"/> high, on the next page when it does not fit.</summary>
    public void Picture(float height, Action<SKCanvas, SKRect> draw)
    {
        if (_pages.Count == 0 || _y + height > Limit)
            NewPage();
        var area = new SKRect(Left, _y, Left + ContentWidth, _y + height);
        _ops.Add(canvas => draw(canvas, area));
        _y += height;
    }

    /// <summary>Label/value rows: the labels in a column of their own, the values wrapped beside them.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts, PdfStyle label, PdfStyle value, float labelWidth = 150)
    {
        foreach (var (l, v) in facts)
        {
            var labelLines = Wrap(l, label, labelWidth - 8);
            var valueLines = v.Split('\n').SelectMany(p => Wrap(p, value, ContentWidth - labelWidth)).ToList();
            var height = Math.Max(labelLines.Count * label.LineHeight, valueLines.Count * value.LineHeight) + 3;
            if (_y + height > Limit)
                NewPage();
            var top = _y;
            foreach (var line in labelLines)
                DrawLine(line, label, Left, label.LineHeight);
            _y = top;
            foreach (var line in valueLines)
                DrawLine(line, value, Left + labelWidth, value.LineHeight);
            _y = top + height;
        }
    }

    /// <summary>A table; the header row repeats at the top of every page it runs onto, and a row taller than a page is split.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<IReadOnlyList<PdfSpan>>> rows, PdfStyle headerStyle)
    {
        if (_pages.Count == 0)
            NewPage();
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => c.Weight / total * ContentWidth).ToArray();
        var header = columns.Select((c, i) => Lines([new PdfSpan(c.Header, headerStyle)], widths[i])).ToList();
        var headerHeight = RowHeight(header);
        if (_y + headerHeight + 40 > Limit)
            NewPage();
        DrawRow(header, widths, headerHeight, fill: true);

        foreach (var row in rows)
        {
            var cells = row.Select((spans, i) => Lines(spans, widths[i])).ToList();
            while (true)
            {
                var height = RowHeight(cells);
                if (_y + height <= Limit)
                {
                    DrawRow(cells, widths, height, fill: false);
                    break;
                }
                var fresh = Limit - Top - headerHeight;
                if (height <= fresh || _y + headerHeight + 30 > Limit)
                {
                    NewPage();
                    DrawRow(header, widths, headerHeight, fill: true);
                    if (height <= fresh)
                        continue;
                }
                // Taller than what is left of this page and than a whole page: draw what fits, carry on below.
                var room = Limit - _y - (2 * CellPadY);
                var now = cells.Select(c => TakeLines(c, room)).ToList();
                DrawRow(now, widths, Limit - _y, fill: false);
                cells = [.. cells.Select((c, i) => c.Skip(now[i].Count).ToList())];
                NewPage();
                DrawRow(header, widths, headerHeight, fill: true);
            }
        }
        _y += 8;
    }

    /// <summary>Draws the pages into a PDF, with a running header and a page footer.</summary>
    public void Render(SKDocument pdf, string headerLeft, string headerRight, Func<int, int, string> footer)
    {
        var small = new PdfStyle(7.5f, false, new SKColor(0x5B, 0x66, 0x75));
        for (var i = 0; i < _pages.Count; i++)
        {
            var canvas = pdf.BeginPage(PageWidth, PageHeight);
            foreach (var op in _pages[i].Ops)
                op(canvas);
            if (_pages[i].Header)
            {
                var right = Measure(headerRight, small);
                var left = Fit(headerLeft, small, ContentWidth - right - 16);
                Draw(canvas, left, small, Left, 36);
                Draw(canvas, headerRight, small, PageWidth - Right - right, 36);
                using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.6f, IsStroke = true };
                canvas.DrawLine(Left, 42, PageWidth - Right, 42, rule);
            }
            var text = footer(i + 1, _pages.Count);
            Draw(canvas, text, small, (PageWidth - Measure(text, small)) / 2, PageHeight - 30);
            pdf.EndPage();
        }
    }

    private List<(string Text, PdfStyle Style)> Lines(IReadOnlyList<PdfSpan> spans, float width) =>
        [.. spans.SelectMany(s => s.Text.Split('\n').SelectMany(p => Wrap(p, s.Style, width - (2 * CellPadX))).Select(l => (l, s.Style)))];

    private static float RowHeight(List<List<(string Text, PdfStyle Style)>> cells) =>
        cells.Max(c => c.Sum(l => l.Style.LineHeight)) + (2 * CellPadY);

    private static List<(string, PdfStyle)> TakeLines(List<(string Text, PdfStyle Style)> lines, float room)
    {
        var taken = new List<(string, PdfStyle)>();
        var used = 0f;
        foreach (var line in lines)
        {
            if (used + line.Style.LineHeight > room)
                break;
            taken.Add(line);
            used += line.Style.LineHeight;
        }
        return taken;
    }

    private void DrawRow(List<List<(string Text, PdfStyle Style)>> cells, float[] widths, float height, bool fill)
    {
        var top = _y;
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var (cx, w) = (x, widths[i]);
            _ops.Add(canvas =>
            {
                if (fill)
                {
                    using var background = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
                    canvas.DrawRect(cx, top, w, height, background);
                }
                using var border = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsStroke = true };
                canvas.DrawRect(cx, top, w, height, border);
            });
            _y = top + CellPadY;
            foreach (var (text, style) in cells[i])
                DrawLine(text, style, cx + CellPadX, style.LineHeight);
            x += w;
        }
        _y = top + height;
    }

    private void DrawLine(string text, PdfStyle style, float x, float advance)
    {
        var baseline = _y + (style.Size * 1.08f);
        _ops.Add(canvas => Draw(canvas, text, style, x, baseline));
        _y += advance;
    }

    private void Draw(SKCanvas canvas, string text, PdfStyle style, float x, float baseline)
    {
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        foreach (var (face, run) in fonts.Runs(text))
        {
            var font = fonts.Font(face, style.Size, style.Bold);
            x += DrawRun(canvas, run, font, paint, x, baseline);
        }
    }

    /// <summary>
    /// Draws a run as a text blob that carries its text and clusters. Skia writes a PDF font's ToUnicode map from the
    /// font's cmap, taking the lowest code point of a glyph: in Noto Sans CJK 一 行 日 share glyphs with the Kangxi
    /// radicals ⼀ ⾏ ⽇ (U+2Fxx), so copied or extracted text would come out as radicals. With the text in the blob,
    /// Skia marks each such glyph with its real text (/ActualText), which viewers and extractors use.
    /// </summary>
    /// <returns>The advance width.</returns>
    private static float DrawRun(SKCanvas canvas, string text, SKFont font, SKPaint paint, float x, float baseline)
    {
        var glyphs = font.GetGlyphs(text);
        if (glyphs.Length == 0)
            return 0;
        var widths = font.GetGlyphWidths(glyphs);
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalTextRun(font, glyphs.Length, 0, utf8.Length);
        glyphs.AsSpan().CopyTo(run.Glyphs);
        utf8.AsSpan().CopyTo(run.Text);
        float advance = 0;
        int index = 0, offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (index == glyphs.Length)
                break;
            run.Positions[index] = advance;
            run.Clusters[index] = (uint)offset;
            advance += widths[index];
            offset += rune.Utf8SequenceLength;
            index++;
        }
        using var blob = builder.Build();
        if (blob is not null)
            canvas.DrawText(blob, x, baseline, paint);
        return advance;
    }

    public float Measure(string text, PdfStyle style)
    {
        // Wrapping measures the same words and characters over and over: one measurement each.
        var key = (text, style.Size, style.Bold);
        if (_widths.TryGetValue(key, out var cached))
            return cached;
        var width = 0f;
        foreach (var (face, run) in fonts.Runs(text))
            width += fonts.Font(face, style.Size, style.Bold).MeasureText(run);
        _widths[key] = width;
        return width;
    }

    private readonly Dictionary<(string, float, bool), float> _widths = [];

    private string Fit(string text, PdfStyle style, float width)
    {
        if (Measure(text, style) <= width)
            return text;
        var runes = text.EnumerateRunes().ToList();
        while (runes.Count > 0 && Measure(string.Concat(runes.Select(r => r.ToString())) + "…", style) > width)
            runes.RemoveAt(runes.Count - 1);
        return string.Concat(runes.Select(r => r.ToString())) + "…";
    }

    // Characters that must not begin a line (kinsoku): they stay with the character before them.
    private const string NoLineStart = "、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.:;!?)]}%";

    /// <summary>Wraps one paragraph (no line breaks inside) to the width.</summary>
    public List<string> Wrap(string text, PdfStyle style, float width)
    {
        fonts.Require([text]);
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var unit in Units(text))
        {
            var trimmed = unit.TrimEnd(' ');
            var unitWidth = Measure(unit, style);
            var fitWidth = Measure(trimmed, style);
            if (lineWidth + fitWidth <= width || (line.Length == 0 && fitWidth <= width))
            {
                line.Append(unit);
                lineWidth += unitWidth;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line.ToString().TrimEnd(' '));
                line.Clear();
                lineWidth = 0;
            }
            if (fitWidth <= width)
            {
                line.Append(unit.TrimStart(' '));
                lineWidth = Measure(line.ToString(), style);
                continue;
            }
            // A word wider than the line (a long URL): break it between characters.
            foreach (var rune in unit.EnumerateRunes())
            {
                var r = rune.ToString();
                var w = Measure(r, style);
                if (lineWidth + w > width && line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd(' '));
                    line.Clear();
                    lineWidth = 0;
                }
                line.Append(r);
                lineWidth += w;
            }
        }
        if (line.Length > 0 || lines.Count == 0)
            lines.Add(line.ToString().TrimEnd(' '));
        return lines;
    }

    // Break units: a Latin word with the spaces after it, or one CJK character; closing punctuation joins the unit before.
    private static IEnumerable<string> Units(string text)
    {
        var unit = new StringBuilder();
        var inSpaces = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            var isSpace = Rune.IsWhiteSpace(rune);
            var noStart = NoLineStart.Contains(s, StringComparison.Ordinal);
            var cjk = PdfFonts.IsCjk(rune.Value);
            if (isSpace)
            {
                unit.Append(' ');
                inSpaces = true;
                continue;
            }
            if (unit.Length > 0 && !noStart && (inSpaces || cjk || PdfFonts.IsCjk(LastRune(unit))))
            {
                yield return unit.ToString();
                unit.Clear();
            }
            inSpaces = false;
            unit.Append(s);
        }
        if (unit.Length > 0)
            yield return unit.ToString();
    }

    private static int LastRune(StringBuilder builder)
    {
        var last = builder[^1];
        return char.IsLowSurrogate(last) && builder.Length > 1 ? char.ConvertToUtf32(builder[^2], last) : last;
    }
}
