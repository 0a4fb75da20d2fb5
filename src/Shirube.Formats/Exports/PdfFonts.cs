using System.Text;
using SkiaSharp;

namespace Shirube.Formats.Exports;

/// <summary>
/// The typefaces a PDF export draws with: a Japanese-capable sans-serif (regular and, when one is found, bold) and,
/// per character the main face lacks, whatever the system's font manager offers.
/// </summary>
/// <remarks>
/// Where the font comes from, in order: the configured file (<see cref="BaselinePdfOptions.FontPath"/>); the
/// well-known places of Noto Sans CJK (Debian/Ubuntu package fonts-noto-cjk, Fedora, Arch), Hiragino (macOS) and
/// Yu Gothic / MS Gothic (Windows); a face the system's font manager matches to 日. When none has Japanese glyphs
/// and the document needs them, <see cref="Require"/> throws rather than print boxes.
/// </remarks>
internal sealed class PdfFonts : IDisposable
{
    /// <summary>The package that provides the font on Debian and Ubuntu, named in the error.</summary>
    public const string DebianPackage = "fonts-noto-cjk";

    private static readonly string[] WellKnownRegular =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
        "/System/Library/Fonts/Hiragino Sans GB.ttc",
        @"C:\Windows\Fonts\YuGothR.ttc",
        @"C:\Windows\Fonts\meiryo.ttc",
        @"C:\Windows\Fonts\msgothic.ttc",
    ];

    private readonly Dictionary<int, SKTypeface?> _fallbacks = [];
    private readonly bool _fallback;
    private readonly List<SKTypeface> _owned = [];
    private readonly Dictionary<(SKTypeface, float, bool), SKFont> _fonts = [];

    // Faces read from files are ours to dispose; the font manager's and the default face are shared.
    private PdfFonts(SKTypeface regular, SKTypeface? bold, string source, bool owned, bool fallback = true)
    {
        _fallback = fallback;
        Regular = regular;
        Bold = bold;
        Source = source;
        if (owned)
        {
            _owned.Add(regular);
            if (bold is not null)
                _owned.Add(bold);
        }
    }

    /// <summary>The main face.</summary>
    public SKTypeface Regular { get; }

    /// <summary>The bold face, or null when bold is synthesised (emboldened outlines).</summary>
    public SKTypeface? Bold { get; }

    /// <summary>Where the main face came from (a path, or the font manager's family name).</summary>
    public string Source { get; }

    /// <summary>Finds the fonts as the remarks describe.</summary>
    /// <exception cref="FileNotFoundException">A configured font file does not exist or cannot be read as a font.</exception>
    public static PdfFonts Find(BaselinePdfOptions options)
    {
        if (options.FontPath is { Length: > 0 } configured)
        {
            var regular = Load(configured) ?? throw new FileNotFoundException($"The PDF font '{configured}' does not exist or is not a font file.", configured);
            var bold = options.BoldFontPath is { Length: > 0 } b
                ? Load(b) ?? throw new FileNotFoundException($"The PDF bold font '{b}' does not exist or is not a font file.", b)
                : null;
            return new PdfFonts(regular, bold, configured, owned: true, options.SystemFonts);
        }
        if (!options.SystemFonts)
            return new PdfFonts(SKTypeface.Default, null, "default", owned: false, fallback: false);
        foreach (var path in WellKnownRegular)
        {
            if (Load(path) is { } regular)
                return new PdfFonts(regular, BoldBeside(path), path, owned: true);
        }
        using var style = new SKFontStyle(SKFontStyleWeight.Normal, SKFontStyleWidth.Normal, SKFontStyleSlant.Upright);
        var matched = SKFontManager.Default.MatchCharacter(null, style, ["ja-JP", "ja"], '日');
        if (matched is not null)
        {
            using var boldStyle = new SKFontStyle(SKFontStyleWeight.Bold, SKFontStyleWidth.Normal, SKFontStyleSlant.Upright);
            var bold = SKFontManager.Default.MatchFamily(matched.FamilyName, boldStyle);
            return new PdfFonts(matched, bold is not null && bold.IsBold ? bold : null, matched.FamilyName, owned: false);
        }
        // No Japanese face at all: an English document may still print with the default face; Require decides.
        return new PdfFonts(SKTypeface.Default, null, "default", owned: false);
    }

    /// <summary>
    /// Checks that every character of <paramref name="texts"/> that is Japanese (or other CJK) has a glyph in the
    /// main face or a fallback.
    /// </summary>
    /// <exception cref="InvalidOperationException">A CJK character has no font: names the package to install.</exception>
    public void Require(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (!IsCjk(rune.Value) || FaceFor(rune.Value) is not null)
                    continue;
                throw new InvalidOperationException(
                    $"No font with Japanese glyphs was found for the PDF (needed for '{rune}' in \"{Shorten(text)}\"). "
                    + $"Install Noto Sans CJK (Debian/Ubuntu: apt-get install {DebianPackage}; other systems: any Noto Sans CJK JP or "
                    + "another Japanese OpenType font) or set BaselinePdfOptions.FontPath to a Japanese font file.");
            }
        }
    }

    /// <summary>A font of the face, size and weight (cached; bold is synthesised when there is no bold face).</summary>
    public SKFont Font(SKTypeface face, float size, bool bold)
    {
        var realBold = bold && Bold is not null && (face == Regular || face == Bold);
        var typeface = realBold ? Bold! : face;
        var key = (typeface, size, bold && !realBold);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(typeface, size) { Subpixel = true, Embolden = bold && !realBold };
            _fonts[key] = font;
        }
        return font;
    }

    /// <summary>The text cut into runs that one face can draw: the main face where it has the glyph, else a fallback.</summary>
    public IEnumerable<(SKTypeface Face, string Text)> Runs(string text)
    {
        var builder = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = FaceFor(rune.Value) ?? Regular;
            if (current is not null && face != current)
            {
                yield return (current, builder.ToString());
                builder.Clear();
            }
            current = face;
            builder.Append(rune.ToString());
        }
        if (current is not null && builder.Length > 0)
            yield return (current, builder.ToString());
    }

    private SKTypeface? FaceFor(int codepoint)
    {
        if (codepoint < 0x20 || Regular.GetGlyph(codepoint) != 0)
            return Regular;
        if (!_fallback)
            return null;
        if (!_fallbacks.TryGetValue(codepoint, out var face))
        {
            face = SKFontManager.Default.MatchCharacter(codepoint);
            if (face is not null && face.GetGlyph(codepoint) == 0)
                face = null;
            _fallbacks[codepoint] = face;
        }
        return face;
    }

    private static SKTypeface? BoldBeside(string regularPath)
    {
        foreach (var (from, to) in new[] { ("Regular", "Bold"), ("W3", "W6"), ("YuGothR", "YuGothB"), ("meiryo", "meiryob") })
        {
            var name = Path.GetFileName(regularPath);
            if (name.Contains(from, StringComparison.Ordinal) && Load(Path.Combine(Path.GetDirectoryName(regularPath) ?? string.Empty, name.Replace(from, to, StringComparison.Ordinal))) is { } bold)
                return bold;
        }
        return null;
    }

    // A collection (.ttc) holds one face per region; the Japanese one ("... JP") has the Japanese glyph forms.
    private static SKTypeface? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        SKTypeface? first = null;
        for (var index = 0; index < 16; index++)
        {
            var face = SKTypeface.FromFile(path, index);
            if (face is null)
                break;
            if (face.FamilyName.EndsWith(" JP", StringComparison.Ordinal) || face.FamilyName.Contains("Hiragino", StringComparison.Ordinal)
                || face.FamilyName.Contains("Yu Gothic", StringComparison.Ordinal) || face.FamilyName.Contains("Meiryo", StringComparison.Ordinal))
            {
                first?.Dispose();
                return face;
            }
            if (first is null)
                first = face;
            else
                face.Dispose();
        }
        return first;
    }

    /// <summary>Chinese, Japanese and Korean scripts and their punctuation and full-width forms.</summary>
    public static bool IsCjk(int c) =>
        c is (>= 0x2E80 and <= 0x2FDF) or (>= 0x3000 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF)
            or (>= 0xAC00 and <= 0xD7AF);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
            font.Dispose();
        foreach (var face in _owned.Distinct())
            face.Dispose();
    }
}
