using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure.Jvn;

/// <summary>
/// The MyJVN VULDEF 3.2 XSDs of the shared corpora (jvn/MyJVN-np/schemas/hnd) as one schema set: vuldef_3.2 with
/// mod_sec_3.0, status_3.3 and tlp_marking beside it, their imports answered only from that folder (no network, no
/// DTD). Not shipped in Shirube: the files carry no licence.
/// </summary>
internal static class VuldefSchemas
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    /// <summary>The folder, or a skip when SHIRUBE_CORPORA is not set.</summary>
    public static string Folder()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the VULDEF XSDs are in the shared corpora (CI sets it).");
        return Path.Combine(CorpusDataAttribute.Corpora!, "jvn/MyJVN-np/schemas/hnd");
    }

    /// <summary>The validation errors of a document, each with its line; empty when it validates.</summary>
    public static IReadOnlyList<string> Errors(XDocument document)
    {
        var set = Set.Value;
        var errors = new List<string>();
        document.Validate(set, (_, e) => errors.Add($"{e.Severity} at line {e.Exception?.LineNumber}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var folder = Folder();
        var resolver = new FolderResolver(folder);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var file in new[] { "vuldef_3.2.xsd", "mod_sec_3.0.xsd", "status_3.3.xsd", "tlp_marking.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(folder, file), settings);
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>Answers a schemaLocation only with a file of the folder; anything else (a URL, a path outside) is refused.</summary>
    private sealed class FolderResolver(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = Path.GetFileName(absoluteUri.LocalPath);
            var path = Path.Combine(folder, name);
            if (!absoluteUri.IsFile || !File.Exists(path) || !name.EndsWith(".xsd", StringComparison.Ordinal))
                throw new XmlException($"Only the XSDs of {folder} are resolved, not {absoluteUri}.");
            return File.OpenRead(path);
        }
    }
}
