using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// What a tree refers to, for pruning: <c>#id</c> fragments anywhere in its strings (links, markdown), parameter
/// insertions (<c>{{ insert: param, id }}</c>) and <c>depends-on</c> values.
/// </summary>
internal sealed partial class References
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Adds what <paramref name="node"/> refers to.</summary>
    public void Scan(JsonNode? node)
    {
        foreach (var text in OscalNodes.AllStrings(node))
        {
            if (text.Contains('#', StringComparison.Ordinal))
            {
                foreach (Match m in Fragment().Matches(text))
                {
                    // "see #ac-1." ends a sentence; ids seldom end with a dot, so both readings count.
                    _ids.Add(m.Groups[1].Value);
                    _ids.Add(m.Groups[1].Value.TrimEnd('.', ':'));
                }
            }
            if (text.Contains("{{", StringComparison.Ordinal))
            {
                foreach (Match m in Insert().Matches(text))
                    _ids.Add(m.Groups[1].Value);
            }
        }
        foreach (var obj in OscalNodes.AllObjects(node))
        {
            if (OscalNodes.Text(obj, "depends-on") is { } id)
                _ids.Add(id);
        }
    }

    /// <summary>True when something scanned refers to <paramref name="id"/>.</summary>
    public bool Mention(string id) => _ids.Contains(id);

    // An id or UUID after '#': token characters (letters, digits, '_', '-', '.', ':').
    [GeneratedRegex(@"#([\p{L}\p{N}_][\p{L}\p{N}_.:\-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fragment();

    [GeneratedRegex(@"\{\{\s*insert\s*:\s*param\s*,\s*([^\s}]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Insert();
}
