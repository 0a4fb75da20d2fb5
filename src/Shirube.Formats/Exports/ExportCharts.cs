using System.Globalization;
using ScottPlot;
using Shirube.Domain.Guidelines;
using SkiaSharp;

namespace Shirube.Formats.Exports;

/// <summary>
/// The charts of an assessment export, drawn by ScottPlot: the share met per IoT part group (bars) and the product's
/// share met per level across its versions (lines). The HTML export embeds them as SVG, the PDF draws them as vectors
/// on its page; the labels follow the export's language.
/// </summary>
internal static class ExportCharts
{
    /// <summary>The family the HTML export's SVG names (the browser falls back when it lacks it).</summary>
    public const string HtmlFont = "Noto Sans CJK JP";

    private static readonly Color[] LevelColours = [Color.FromHex("#C62828"), Color.FromHex("#EF6C00"), Color.FromHex("#2E7D32")];
    private static readonly Color PartColour = Color.FromHex("#1E88E5");
    private static readonly Lock Registering = new();
    private static readonly HashSet<string> Registered = [];

    /// <summary>The charts the assessment has data for, each with its title in the language.</summary>
    public static IReadOnlyList<(string Title, Plot Plot)> For(AssessmentInfo assessment, string lang, string font)
    {
        var charts = new List<(string, Plot)>();
        if (assessment.PartShares is { Count: > 0 } parts)
            charts.Add((BaselineText.Word("ChartParts", lang), Parts(parts, lang, font)));
        if (assessment.History is { Count: > 0 } history)
            charts.Add((BaselineText.Word("ChartHistory", lang), History(history, font)));
        return charts;
    }

    /// <summary>The chart as an SVG element for the HTML export.</summary>
    public static string Svg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        // ScottPlot writes an XML declaration for a file of its own; inline SVG in HTML starts at the element.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>Draws the chart into <paramref name="area"/> of a PDF page.</summary>
    public static void Draw(Plot plot, SKCanvas canvas, SKRect area)
    {
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        canvas.ClipRect(new SKRect(0, 0, area.Width, area.Height));
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }

    /// <summary>
    /// The font the PDF's charts use: the PDF's own face when it came from a file (registered with ScottPlot under a
    /// name of ours), else the family the font manager gave.
    /// </summary>
    public static string PdfFont(PdfFonts fonts)
    {
        if (!File.Exists(fonts.Source))
            return fonts.Regular.FamilyName;
        var name = "Shirube export " + fonts.Source;
        lock (Registering)
        {
            if (Registered.Add(name))
                Fonts.AddFontFile(name, fonts.Source);
        }
        return name;
    }

    private static Plot Parts(IReadOnlyDictionary<IotPartGroup, double> shares, string lang, string font)
    {
        var plot = Styled(font);
        var groups = Enum.GetValues<IotPartGroup>().Where(shares.ContainsKey).ToList();
        var bars = groups.Select((g, i) => new Bar
        {
            Position = i,
            Value = Math.Round(shares[g] * 100, 1),
            FillColor = PartColour,
            Label = Percent(shares[g] * 100),
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontName = font;
        plot.Axes.Bottom.SetTicks([.. groups.Select((_, i) => (double)i)], [.. groups.Select(g => BaselineText.Section(g, lang))]);
        PercentAxis(plot);
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        return plot;
    }

    private static Plot History(IReadOnlyList<HistoryEntry> history, string font)
    {
        var plot = Styled(font);
        var xs = history.Select((_, i) => (double)i).ToArray();
        foreach (var (level, colour) in BaselineText.Levels.Zip(LevelColours))
        {
            var line = plot.Add.Scatter(xs, [.. history.Select(h => Math.Round(h.Shares.GetValueOrDefault(level) * 100, 1))]);
            line.LegendText = BaselineText.LevelCode(level);
            line.Color = colour;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }
        plot.Axes.Bottom.SetTicks(xs, [.. history.Select(h => h.ProductVersion)]);
        PercentAxis(plot);
        plot.Axes.SetLimitsX(-0.3, Math.Max(1, history.Count - 1) + 0.3);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static Plot Styled(string font)
    {
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Legend.FontName = font;
        return plot;
    }

    private static void PercentAxis(Plot plot)
    {
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Left.SetTicks([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"]);
    }

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0} %");
}
