using System.Globalization;
using System.Text;
using Shirube.Domain.Components;

namespace Shirube.Formats.Components;

/// <summary>
/// SPDX 2.2 and 2.3 tag-value (<c>Tag: value</c> lines, multi-line values in <c>&lt;text&gt;…&lt;/text&gt;</c>).
/// There is no schema for it: the reader checks what it keeps (a supported SPDXVersion first, an SPDXID and a name
/// for every package, unique SPDXIDs, well-formed relationships) and names the line of any fault.
/// </summary>
internal static class SpdxTagValueReader
{
    /// <summary>Whether the text starts (after blank and comment lines) with an SPDXVersion tag.</summary>
    public static bool Looks(ReadOnlySpan<byte> utf8)
    {
        var head = Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, 4096)]);
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            return line.StartsWith("SPDXVersion:", StringComparison.Ordinal);
        }
        return false;
    }

    public static Sbom Read(ReadOnlyMemory<byte> utf8, string file)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8.Span);
        }
        catch (DecoderFallbackException e)
        {
            throw new SbomFormatException(file, "byte " + e.Index.ToString(CultureInfo.InvariantCulture), "not valid UTF-8 text.", e);
        }
        var builder = new SbomBuilder(file);
        var packages = new Dictionary<string, SbomComponent>(StringComparer.Ordinal);
        var described = new List<string>();
        var relationships = new List<(string From, string Type, string To)>();
        string? version = null, documentName = null, documentId = null;
        Package? current = null;
        var inPackage = false;

        void Close()
        {
            if (current is null)
                return;
            var component = current.Build(file);
            builder.Add(component, current.IdPlace ?? current.Place);
            packages[component.Ref] = component;
            current = null;
        }

        foreach (var (tag, value, line) in Lines(text, file))
        {
            var place = "line " + line.ToString(CultureInfo.InvariantCulture);
            if (version is null)
            {
                if (tag != "SPDXVersion")
                    throw new SbomFormatException(file, place, "an SPDX tag-value document starts with SPDXVersion.");
                if (!SpdxJsonReader.Versions.Contains(value))
                    throw new SbomFormatException(file, place, $"'{value}' is not read; SPDX-2.2 and SPDX-2.3 are.");
                version = value;
                continue;
            }
            switch (tag)
            {
                case "DocumentName" when !inPackage:
                    documentName = value;
                    break;
                case "SPDXID" when current is not null && inPackage:
                    current.Id = value;
                    current.IdPlace = place;
                    break;
                case "SPDXID" when documentId is null && !inPackage:
                    documentId = value;
                    break;
                case "PackageName":
                    Close();
                    current = new Package(value, place);
                    inPackage = true;
                    break;
                case "FileName" or "SnippetSPDXID" or "LicenseID":
                    // Files, snippets and extracted licences follow their package: they are not components.
                    Close();
                    inPackage = false;
                    break;
                case "Relationship":
                    var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length != 3)
                        throw new SbomFormatException(file, place, $"a Relationship is 'element TYPE element', not '{value}'.");
                    relationships.Add((parts[0], parts[1], parts[2]));
                    break;
                default:
                    if (inPackage && current is not null)
                        current.Set(tag, value);
                    break;
            }
        }
        Close();
        if (version is null)
            throw new SbomFormatException(file, "line 1", "an SPDX tag-value document starts with SPDXVersion.");
        foreach (var (from, type, to) in relationships)
            Spdx.Relate(builder, from, type, to, documentId, described);
        if (described.Select(d => packages.GetValueOrDefault(d)).FirstOrDefault(p => p is not null) is { } subject)
            builder.SetSubject(subject);
        return builder.Build(SbomFormat.Spdx, version["SPDX-".Length..], documentName);
    }

    // Each "Tag: value" with its line number; a <text> value runs to its </text>, over lines if need be.
    private static IEnumerable<(string Tag, string Value, int Line)> Lines(string text, string file)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new SbomFormatException(file, "line " + (i + 1).ToString(CultureInfo.InvariantCulture), $"not a 'Tag: value' line: '{Shorten(line)}'.");
            var tag = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            var start = i + 1;
            if (value.StartsWith("<text>", StringComparison.Ordinal))
            {
                var collected = new StringBuilder(value["<text>".Length..]);
                var closed = value.Contains("</text>", StringComparison.Ordinal);
                while (!closed)
                {
                    if (++i == lines.Length)
                        throw new SbomFormatException(file, "line " + start.ToString(CultureInfo.InvariantCulture), $"the <text> of {tag} is never closed with </text>.");
                    var next = lines[i].TrimEnd('\r');
                    collected.Append('\n').Append(next);
                    closed = next.Contains("</text>", StringComparison.Ordinal);
                }
                var all = collected.ToString();
                value = all[..all.IndexOf("</text>", StringComparison.Ordinal)].Trim();
            }
            yield return (tag, value, start);
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";

    private sealed class Package(string name, string place)
    {
        private readonly List<(string? Type, string? Locator)> _references = [];
        private readonly List<SbomHash> _hashes = [];
        private readonly List<string?> _licences = [];
        private string? _version, _supplier, _purpose;

        public string? Id { get; set; }
        public string? IdPlace { get; set; }
        public string Place { get; } = place;

        public void Set(string tag, string value)
        {
            switch (tag)
            {
                case "PackageVersion":
                    _version = value;
                    break;
                case "PackageSupplier":
                    _supplier = value;
                    break;
                case "PrimaryPackagePurpose":
                    _purpose = value;
                    break;
                case "PackageLicenseConcluded" or "PackageLicenseDeclared":
                    _licences.Add(value);
                    break;
                case "PackageChecksum":
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                        _hashes.Add(new SbomHash(value[..colon].Trim(), value[(colon + 1)..].Trim()));
                    break;
                case "ExternalRef":
                    var parts = value.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 3)
                        _references.Add((parts[1], parts[2]));
                    break;
                default:
                    break;
            }
        }

        public SbomComponent Build(string file)
        {
            if (string.IsNullOrEmpty(Id))
                throw new SbomFormatException(file, Place, $"the package '{name}' has no SPDXID.");
            if (string.IsNullOrEmpty(name))
                throw new SbomFormatException(file, Place, "a PackageName is empty.");
            var component = new SbomComponent(Id, name)
            {
                Version = _version,
                Type = _purpose,
                Supplier = SbomBuilder.Supplier(_supplier),
                Licences = SbomBuilder.Licences(_licences),
                Hashes = _hashes,
            };
            return Spdx.WithReferences(component, _references);
        }
    }
}
