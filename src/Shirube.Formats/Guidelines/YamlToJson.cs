using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shirube.Formats.Guidelines;

/// <summary>
/// Turns a YAML document into JSON nodes, so that the catalog's JSON schema can check it. Plain scalars
/// become numbers, booleans or null where YAML 1.2's core schema says so; quoted scalars stay strings.
/// Anchors and aliases are refused: content files do not need them, and they allow expansion bombs.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogFormatException(file, $"line {e.Start.Line}, column {e.Start.Column}", e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's representation model reports some unterminated structures this way, without a position.
            throw new CatalogFormatException(file, "/", $"malformed YAML (an unclosed bracket or quote?): {e.Message}", e);
        }
        if (stream.Documents.Count != 1)
            throw new CatalogFormatException(file, "/", $"expected one YAML document, found {stream.Documents.Count}.");
        return Node(stream.Documents[0].RootNode, file, "");
    }

    private static JsonNode? Node(YamlNode node, string file, string path)
    {
        if (!node.Anchor.IsEmpty)
            throw new CatalogFormatException(file, Where(path), "anchors and aliases are not allowed in catalogs.");
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                        throw new CatalogFormatException(file, Where(path), "mapping keys must be plain text.");
                    if (obj.ContainsKey(name))
                        throw new CatalogFormatException(file, Where(path), $"the key '{name}' appears twice.");
                    obj[name] = Node(value, file, $"{path}/{name}");
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in seq.Children)
                    array.Add(Node(item, file, $"{path}/{i++}"));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new CatalogFormatException(file, Where(path), "unsupported YAML node.");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
            return JsonValue.Create(text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsAsciiDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    private static string Where(string path) => path.Length == 0 ? "/" : path;
}
