using System.Text;

namespace Shirube.Formats.Oscal;

/// <summary>
/// OSCAL identifiers are tokens (XML NCNames): <c>^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$</c>. Source identifiers such as
/// "5.1-1", "I(2)(a)" or "CSC 1" are not; this turns any text into a token, keeps valid ones unchanged, and
/// hands out each token once per document (the original stays in the <c>label</c> property).
/// </summary>
internal sealed class OscalTokens
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/> is a valid OSCAL token.</summary>
    public static bool IsToken(string? text)
    {
        if (string.IsNullOrEmpty(text) || !(char.IsLetter(text[0]) || text[0] == '_'))
            return false;
        foreach (var c in text.AsSpan(1))
        {
            if (!IsTokenChar(c))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The text as a token: unchanged when it is one; otherwise characters outside the token alphabet become
    /// "_" (runs collapsed, none at the end) and a leading "_" is added when it does not start with a letter.
    /// </summary>
    public static string ToToken(string text, string fallback)
    {
        if (IsToken(text))
            return text;
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text.Trim())
        {
            if (IsTokenChar(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '_')
                builder.Append('_');
        }
        while (builder.Length > 0 && builder[^1] == '_')
            builder.Length--;
        if (builder.Length == 0)
            return fallback;
        if (!char.IsLetter(builder[0]) && builder[0] != '_')
            builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>A token for <paramref name="text"/> not handed out before in this document ("-2", "-3"... on a clash).</summary>
    public string Allocate(string text, string fallback)
    {
        var token = ToToken(text, fallback);
        var candidate = token;
        for (var n = 2; !_taken.Add(candidate); n++)
            candidate = $"{token}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return candidate;
    }

    // \p{L}, \p{N}, '.', '-', '_' on UTF-16 code units, as the schema's regex sees them (a surrogate is neither).
    private static bool IsTokenChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '.' or '-' or '_';
}
