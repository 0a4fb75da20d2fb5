using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Shirube.Domain.Packages;

/// <summary>The kind of thing a CPE names.</summary>
public enum CpePart
{
    /// <summary>Any part ('*').</summary>
    Any,
    /// <summary>An application ('a').</summary>
    Application,
    /// <summary>An operating system ('o').</summary>
    OperatingSystem,
    /// <summary>Hardware ('h').</summary>
    Hardware,
}

/// <summary>
/// A CPE name (NIST IR 7695), read from a CPE 2.3 formatted string (<c>cpe:2.3:a:vendor:product:version:...</c>, eleven
/// attributes, special characters quoted with '\') or a CPE 2.2 URI (<c>cpe:/a:vendor:product:version</c>,
/// percent-encoded, trailing attributes optional, edition possibly packed with '~'). Attribute values are held
/// unquoted and lowercase; "*" means ANY and "-" means NA. <see cref="ToString"/> gives the 2.3 formatted string,
/// <see cref="ToUri"/> the URI binding and <see cref="ToWfn"/> the well-formed name; <see cref="Compare"/> relates two
/// names as NIST IR 7696 does.
/// </summary>
public sealed partial class Cpe : IEquatable<Cpe>
{
    /// <summary>The longest CPE string accepted.</summary>
    public const int MaxLength = 1000;

    /// <summary>The value of an attribute that matches anything.</summary>
    public const string AnyValue = "*";
    /// <summary>The value of an attribute that does not apply.</summary>
    public const string NotApplicable = "-";

    private static readonly string[] AttributeNames =
        ["part", "vendor", "product", "version", "update", "edition", "language", "sw_edition", "target_sw", "target_hw", "other"];

    /// <summary>The eleven attributes of a well-formed name, in binding order: part, vendor, product, ... other.</summary>
    public static IReadOnlyList<string> Attributes => AttributeNames;

    // The formatted-string form of each attribute (quoted), from which ToString and the unquoted values derive.
    private readonly string[] _bound;

    private Cpe(string[] bound)
    {
        _bound = bound;
    }

    /// <summary>The part: application, operating system, hardware or any.</summary>
    public CpePart Part => _bound[0] switch
    {
        "a" => CpePart.Application,
        "o" => CpePart.OperatingSystem,
        "h" => CpePart.Hardware,
        _ => CpePart.Any,
    };

    /// <summary>The vendor, unquoted (e.g. "openssl"); "*" for any.</summary>
    public string Vendor => Unquote(_bound[1]);
    /// <summary>The product, unquoted (e.g. "openssl").</summary>
    public string Product => Unquote(_bound[2]);
    /// <summary>The version, unquoted (e.g. "1.0.2k"); "*" any, "-" not applicable.</summary>
    public string Version => Unquote(_bound[3]);
    /// <summary>The update, unquoted.</summary>
    public string Update => Unquote(_bound[4]);
    /// <summary>The edition, unquoted.</summary>
    public string Edition => Unquote(_bound[5]);
    /// <summary>The language, unquoted.</summary>
    public string Language => Unquote(_bound[6]);
    /// <summary>The software edition, unquoted.</summary>
    public string SoftwareEdition => Unquote(_bound[7]);
    /// <summary>The target software, unquoted.</summary>
    public string TargetSoftware => Unquote(_bound[8]);
    /// <summary>The target hardware, unquoted.</summary>
    public string TargetHardware => Unquote(_bound[9]);
    /// <summary>Other, unquoted.</summary>
    public string Other => Unquote(_bound[10]);

    /// <summary>The eleven attribute values, unquoted, in the order of <see cref="Attributes"/> ("*" ANY, "-" NA).</summary>
    public IReadOnlyList<string> Values => Array.ConvertAll(_bound, Unquote);

    /// <summary>Parses a CPE 2.3 formatted string or 2.2 URI; throws <see cref="FormatException"/> saying why not.</summary>
    public static Cpe Parse(string text) => TryParse(text, out var cpe, out var error) ? cpe : throw new FormatException(error);

    /// <summary>Parses a CPE 2.3 formatted string or 2.2 URI; false when it is neither.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cpe? cpe) => TryParse(text, out cpe, out _);

    /// <summary>Parses a CPE 2.3 formatted string or 2.2 URI; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cpe? cpe, [NotNullWhen(false)] out string? error)
    {
        cpe = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            error = "The CPE is empty.";
        else if (text.Length > MaxLength)
            error = string.Create(CultureInfo.InvariantCulture, $"The CPE is longer than {MaxLength} characters.");
        else if (text.StartsWith("cpe:2.3:", StringComparison.OrdinalIgnoreCase))
            error = ParseFormattedString(text, out cpe);
        else if (text.StartsWith("cpe:/", StringComparison.OrdinalIgnoreCase))
            error = ParseUri(text, out cpe);
        else
            error = "A CPE starts with 'cpe:2.3:' (formatted string) or 'cpe:/' (URI).";
        return error is null;
    }

    private static string? ParseFormattedString(string text, out Cpe? cpe)
    {
        cpe = null;
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = "cpe:2.3:".Length; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 == text.Length)
                    return "The CPE ends with a lone '\\'.";
                current.Append(c).Append(text[++i]);
            }
            else if (c == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        parts.Add(current.ToString());
        if (parts.Count != AttributeNames.Length)
            return string.Create(CultureInfo.InvariantCulture,
                $"A CPE 2.3 formatted string has {AttributeNames.Length} attributes after 'cpe:2.3:' (part to other), this one has {parts.Count}.");
        for (var i = 0; i < parts.Count; i++)
        {
            var value = parts[i];
            if (value.Length == 0)
                return $"The CPE attribute '{AttributeNames[i]}' is empty; use '*' for any value.";
            for (var j = 0; j < value.Length; j++)
            {
                var c = value[j];
                if (c == '\\')
                {
                    j++;
                    continue;
                }
                if (!IsUnreserved(c) && c is not '*' and not '?' && !(c == '-' && value.Length == 1))
                    return $"The CPE attribute '{AttributeNames[i]}' holds '{c}' unquoted; special characters are written as '\\{c}'.";
            }
            parts[i] = Lower(Requote(value));
        }
        return Create(parts.ToArray(), out cpe);
    }

    private static string? ParseUri(string text, out Cpe? cpe)
    {
        cpe = null;
        var components = text["cpe:/".Length..].Split(':');
        if (components.Length > 7)
            return string.Create(CultureInfo.InvariantCulture, $"A CPE 2.2 URI has at most 7 components (part to language), this one has {components.Length}.");
        var bound = Enumerable.Repeat(AnyValue, AttributeNames.Length).ToArray();
        for (var i = 0; i < components.Length; i++)
        {
            if (i == 5 && components[i].StartsWith('~'))
            {
                // A packed edition: ~edition~sw_edition~target_sw~target_hw~other.
                var packed = components[i].Split('~');
                if (packed.Length != 6)
                    return "A packed CPE 2.2 edition has five fields: ~edition~sw_edition~target_sw~target_hw~other.";
                for (var k = 1; k < packed.Length; k++)
                {
                    var error = BindUriValue(packed[k], AttributeNames[PackedAttributes[k - 1]], out bound[PackedAttributes[k - 1]]);
                    if (error is not null)
                        return error;
                }
                continue;
            }
            var e = BindUriValue(components[i], AttributeNames[i], out bound[i]);
            if (e is not null)
                return e;
        }
        return Create(bound, out cpe);
    }

    // A URI value: empty is ANY, "-" is NA; %01 and %02 are the wildcards '?' and '*'; anything else is quoted as needed.
    private static string? BindUriValue(string value, string attribute, out string bound)
    {
        bound = AnyValue;
        if (value.Length == 0)
            return null;
        if (value == NotApplicable)
        {
            bound = NotApplicable;
            return null;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                    return $"The CPE attribute '{attribute}' holds a '%' that is not followed by two hexadecimal digits.";
                i += 2;
                c = (char)b;
                if (b == 1)
                {
                    builder.Append('?');
                    continue;
                }
                if (b == 2)
                {
                    builder.Append('*');
                    continue;
                }
            }
            if (char.IsControl(c) || c == ' ')
                return $"The CPE attribute '{attribute}' holds a space or control character.";
            builder.Append(IsUnreserved(c) ? c.ToString() : "\\" + c);
        }
        bound = Lower(builder.ToString());
        return null;
    }

    private static string? Create(string[] bound, out Cpe? cpe)
    {
        cpe = null;
        if (bound[0] is not ("a" or "o" or "h" or AnyValue))
            return $"The CPE part is '{bound[0]}'; expected 'a' (application), 'o' (operating system), 'h' (hardware) or '*'.";
        for (var i = 1; i < bound.Length; i++)
        {
            // NIST IR 7695 5.3.2: an unquoted '*' only at the start or end, unquoted '?' only in a run at either end.
            if (bound[i] != AnyValue && Pattern.Of(bound[i]).HasEmbeddedWildcard)
                return $"The CPE attribute '{AttributeNames[i]}' holds a wildcard ('*' or '?') inside its value; unquoted wildcards go only at its start or end.";
        }
        cpe = new Cpe(bound);
        return null;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    // One spelling per value, so that equal names have equal strings: "\." and "\-" lose a quote they do not need,
    // except a lone "\-", which is the string "-" rather than NA.
    private static string Requote(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal) || value == "\\-")
            return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && IsUnreserved(value[i + 1]))
                continue;
            builder.Append(value[i]);
            if (value[i] == '\\' && i + 1 < value.Length)
                builder.Append(value[++i]);
        }
        return builder.ToString();
    }

    private static string Lower(string value) => value.ToLowerInvariant();

    private static string Unquote(string bound)
    {
        if (!bound.Contains('\\', StringComparison.Ordinal))
            return bound;
        var builder = new StringBuilder(bound.Length);
        for (var i = 0; i < bound.Length; i++)
            builder.Append(bound[i] == '\\' && i + 1 < bound.Length ? bound[++i] : bound[i]);
        return builder.ToString();
    }

    /// <summary>The CPE 2.3 formatted string, lowercase, special characters quoted.</summary>
    public override string ToString() => "cpe:2.3:" + string.Join(':', _bound);

    /// <summary>
    /// The CPE 2.2 URI binding (NIST IR 7695 6.1.2): part to language, ANY as empty, NA as '-', special characters
    /// percent-encoded, the wildcards '?' and '*' as %01 and %02, trailing colons trimmed; when sw_edition,
    /// target_sw, target_hw or other is set, the edition component packs them as <c>~edition~sw_edition~target_sw~target_hw~other</c>.
    /// </summary>
    public string ToUri()
    {
        var components = new string[7];
        for (var i = 0; i < components.Length; i++)
            components[i] = i == 5 ? PackedEdition() : UriValue(_bound[i]);
        return ("cpe:/" + string.Join(':', components)).TrimEnd(':');
    }

    // The attributes a CPE 2.2 URI packs into its edition component, in order.
    private static readonly int[] PackedAttributes = [5, 7, 8, 9, 10];

    private string PackedEdition()
    {
        var packed = PackedAttributes.Select(i => UriValue(_bound[i])).ToArray();
        return packed.Skip(1).All(v => v.Length == 0) ? packed[0] : "~" + string.Join('~', packed);
    }

    private static string UriValue(string bound)
    {
        if (bound is AnyValue)
            return string.Empty;
        if (bound is NotApplicable)
            return NotApplicable;
        var builder = new StringBuilder(bound.Length);
        for (var i = 0; i < bound.Length; i++)
        {
            var c = bound[i];
            if (c == '\\' && i + 1 < bound.Length)
                AppendPercentEncoded(builder, bound[++i]);
            else if (c == '?')
                builder.Append("%01");
            else if (c == '*')
                builder.Append("%02");
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    // NIST IR 7695 6.1.2.3 pct_encode: '-' and '.' stay, every other special character becomes %xx in lowercase hex.
    private static void AppendPercentEncoded(StringBuilder builder, char c)
    {
        if (IsUnreserved(c))
        {
            builder.Append(c);
            return;
        }
        foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
            builder.Append('%').Append(b.ToString("x2", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The well-formed name (NIST IR 7695 5.4), every attribute written: <c>wfn:[part="a",vendor="microsoft",...,other=ANY]</c>;
    /// strings in double quotes with every character other than letters, digits and '_' quoted by '\' (the
    /// wildcards '*' and '?' excepted), ANY and NA as the bare logical values.
    /// </summary>
    public string ToWfn() =>
        "wfn:[" + string.Join(',', AttributeNames.Select((name, i) => name + "=" + WfnValue(_bound[i]))) + "]";

    private static string WfnValue(string bound)
    {
        if (bound is AnyValue)
            return "ANY";
        if (bound is NotApplicable)
            return "NA";
        var builder = new StringBuilder("\"", bound.Length + 2);
        for (var i = 0; i < bound.Length; i++)
        {
            var c = bound[i];
            if (c == '\\' && i + 1 < bound.Length)
                builder.Append(c).Append(bound[++i]);
            else if (c is '-' or '.')
                builder.Append('\\').Append(c);
            else
                builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    /// <summary>True when both have the same formatted string.</summary>
    public bool Equals(Cpe? other) => other is not null && _bound.SequenceEqual(other._bound, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Cpe);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
