using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// Reads JVN iPedia data as MyJVN publishes it: VULDEF 3.2 documents (getVulnDetailInfo responses and the JVNDB
/// detail data feed, one <c>Vulinfo</c> per record) and JVNRSS feeds (getVulnOverviewList and the JVNDB RSS feeds,
/// one <c>item</c> per record, with <c>sec:</c> elements in the mod_sec 3.0 namespace or the older
/// <c>http://jvn.jp/rss/mod_sec/</c> one). Records are in Japanese. XML is read with DTDs prohibited, no resolver and a
/// size bound; a document that is not well-formed is refused with its line and column.
/// </summary>
public static partial class JvnReader
{
    /// <summary>The largest document read: a year of the JVNDB detail feed is some tens of MiB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private static readonly XNamespace Vuldef = "http://jvn.jp/vuldef/";
    private static readonly XNamespace Rss = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    private static readonly XNamespace[] Sec = ["http://jvn.jp/rss/mod_sec/3.0/", "http://jvn.jp/rss/mod_sec/"];

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^CWE-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CweId();

    /// <summary>Reads every record of a VULDEF document or a JVNRSS feed.</summary>
    /// <exception cref="VulnerabilityFormatException">Not well-formed, too large, with a DTD, or neither format; names the line or element.</exception>
    public static IReadOnlyList<VulnerabilityRecord> Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // Counts characters: a bound on the text, whatever its encoding.
            MaxCharactersInDocument = MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new VulnerabilityFormatException(file, $"line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}, column {e.LinePosition.ToString(CultureInfo.InvariantCulture)}", e.Message, e);
        }
        var root = document.Root!;
        if (root.Name == Vuldef + "VULDEF-Document")
            return [.. root.Elements(Vuldef + "Vulinfo").Select((v, i) => Vulinfo(v, file, $"/VULDEF-Document/Vulinfo[{(i + 1).ToString(CultureInfo.InvariantCulture)}]"))];
        if (root.Name == Rdf + "RDF")
            return [.. root.Elements(Rss + "item").Select((item, i) => Item(item, file, $"/rdf:RDF/item[{(i + 1).ToString(CultureInfo.InvariantCulture)}]"))];
        throw new VulnerabilityFormatException(file, "/" + root.Name.LocalName, "neither a VULDEF document nor a JVNRSS feed.");
    }

    private static VulnerabilityRecord Vulinfo(XElement vulinfo, string file, string at)
    {
        var id = Required(vulinfo.Element(Vuldef + "VulinfoID"), file, at + "/VulinfoID");
        var data = vulinfo.Element(Vuldef + "VulinfoData") ?? throw new VulnerabilityFormatException(file, at + "/VulinfoData", "missing.");
        var related = data.Element(Vuldef + "Related")?.Elements(Vuldef + "RelatedItem").ToList() ?? [];
        var modified = Time(data.Element(Vuldef + "DateLastUpdated"), file, at + "/VulinfoData/DateLastUpdated")
            ?? Time(data.Element(Vuldef + "DateFirstPublished"), file, at + "/VulinfoData/DateFirstPublished")
            ?? throw new VulnerabilityFormatException(file, at + "/VulinfoData/DateLastUpdated", "missing.");
        return new VulnerabilityRecord(id, VulnerabilitySource.Jvn, modified)
        {
            Published = Time(data.Element(Vuldef + "DateFirstPublished"), file, at + "/VulinfoData/DateFirstPublished"),
            Summary = Text(data.Element(Vuldef + "Title")),
            Details = Text(data.Element(Vuldef + "VulinfoDescription")?.Element(Vuldef + "Overview")),
            Language = Language(vulinfo),
            Aliases = Ids(related.Where(r => (string?)r.Attribute("type") == "advisory").Select(r => Text(r.Element(Vuldef + "VulinfoID"))), CveId()),
            Cwes = Ids(related.Where(r => (string?)r.Attribute("type") == "cwe").Select(r => Text(r.Element(Vuldef + "VulinfoID"))), CweId()),
            References = Distinct(related.Select(r => Text(r.Element(Vuldef + "URL")))),
            Severity = [.. (data.Element(Vuldef + "Impact")?.Elements(Vuldef + "Cvss") ?? [])
                .Select(c => Score((string?)c.Attribute("version"), Text(c.Element(Vuldef + "Vector")))).OfType<SeverityScore>().Distinct()],
            Configurations = [.. (data.Element(Vuldef + "Affected")?.Elements(Vuldef + "AffectedItem") ?? [])
                .Select((item, i) => AffectedItem(item, file, $"{at}/VulinfoData/Affected/AffectedItem[{(i + 1).ToString(CultureInfo.InvariantCulture)}]"))
                .OfType<CpeConfiguration>()],
        };
    }

    // One configuration per affected item: each of its CPEs with each of its version texts; an item with no CPE
    // names nothing a component could match.
    private static CpeConfiguration? AffectedItem(XElement item, string file, string at)
    {
        var cpes = item.Elements(Vuldef + "Cpe").Select((c, i) => ParseCpe(Text(c), file, $"{at}/Cpe[{(i + 1).ToString(CultureInfo.InvariantCulture)}]")).ToList();
        if (cpes.Count == 0)
            return null;
        var versions = item.Elements(Vuldef + "VersionNumber").Select(v => Text(v)).Where(v => v is not null).ToList();
        var matches = versions.Count == 0
            ? cpes.Select(c => new CpeMatch(c, true)).ToList()
            : [.. cpes.SelectMany(c => versions.Select(v => Match(c, JvnVersionText.TryParse(v))))];
        return new CpeConfiguration(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false, matches.Distinct().ToList())]);
    }

    // A version text in no common form leaves the match version-less: the matcher refuses those rather than guess.
    private static CpeMatch Match(Cpe cpe, JvnVersionText? bounds) => bounds switch
    {
        null => new CpeMatch(cpe, true),
        { Exact: { } exact } when cpe.Version == Cpe.AnyValue => new CpeMatch(WithVersion(cpe, exact), true),
        { Exact: not null } => new CpeMatch(cpe, true),
        _ => new CpeMatch(cpe, true)
        {
            VersionStartIncluding = bounds.StartIncluding,
            VersionEndIncluding = bounds.EndIncluding,
            VersionEndExcluding = bounds.EndExcluding,
        },
    };

    private static VulnerabilityRecord Item(XElement item, string file, string at)
    {
        var id = Required(SecElements(item, "identifier").FirstOrDefault(), file, at + "/sec:identifier");
        var references = SecElements(item, "references").ToList();
        var modified = Time(item.Element(DcTerms + "modified"), file, at + "/dcterms:modified")
            ?? Time(item.Element(Dc + "date"), file, at + "/dc:date")
            ?? throw new VulnerabilityFormatException(file, at + "/dcterms:modified", "missing.");
        var cpes = SecElements(item, "cpe").Select((c, i) => ParseCpe(Text(c), file, $"{at}/sec:cpe[{(i + 1).ToString(CultureInfo.InvariantCulture)}]")).ToList();
        return new VulnerabilityRecord(id, VulnerabilitySource.Jvn, modified)
        {
            Published = Time(item.Element(DcTerms + "issued"), file, at + "/dcterms:issued"),
            Summary = Text(item.Element(Rss + "title")),
            Details = Text(item.Element(Rss + "description"))?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'),
            Language = Language(item),
            Aliases = Ids(references.Where(r => (string?)r.Attribute("source") is "CVE" or "NVD").Select(r => (string?)r.Attribute("id")), CveId()),
            Cwes = Ids(references.Select(r => (string?)r.Attribute("id")), CweId()),
            References = Distinct([Text(item.Element(Rss + "link")), .. references.Select(r => Text(r))]),
            Severity = [.. SecElements(item, "cvss").Select(c => Score((string?)c.Attribute("version"), (string?)c.Attribute("vector"))).OfType<SeverityScore>().Distinct()],
            // The overview feeds name products without versions: version-less matches, which the matcher refuses
            // to match on their own.
            Configurations = cpes.Count == 0 ? [] : [new CpeConfiguration(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false, [.. cpes.Distinct().Select(c => new CpeMatch(c, true))])])],
        };
    }

    private static IEnumerable<XElement> SecElements(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name && Sec.Contains(e.Name.Namespace));

    private static Cpe ParseCpe(string? text, string file, string at) =>
        Cpe.TryParse(text, out var cpe, out var error) ? cpe : throw new VulnerabilityFormatException(file, at, error);

    /// <summary>The CPE with its version set (quoted as the CPE 2.3 formatted string wants it).</summary>
    internal static Cpe WithVersion(Cpe cpe, string version)
    {
        string[] values = [cpe.Vendor, cpe.Product, version, cpe.Update, cpe.Edition, cpe.Language, cpe.SoftwareEdition, cpe.TargetSoftware, cpe.TargetHardware, cpe.Other];
        var part = cpe.Part switch
        {
            CpePart.Application => "a",
            CpePart.OperatingSystem => "o",
            CpePart.Hardware => "h",
            _ => "*",
        };
        return Cpe.Parse("cpe:2.3:" + part + ":" + string.Join(':', values.Select(Quote)));
    }

    private static string Quote(string value)
    {
        if (value is Cpe.AnyValue or Cpe.NotApplicable)
            return value;
        var quoted = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
                quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.ToString();
    }

    private static SeverityScore? Score(string? version, string? vector) =>
        string.IsNullOrWhiteSpace(vector) ? null
        : version switch
        {
            "2.0" => new SeverityScore("CVSS_V2", vector.Trim()),
            "3.0" or "3.1" => new SeverityScore("CVSS_V3", vector.Trim()),
            "4.0" => new SeverityScore("CVSS_V4", vector.Trim()),
            _ => null,
        };

    private static string Language(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(XNamespace.Xml + "lang")).FirstOrDefault(l => !string.IsNullOrEmpty(l)) ?? "ja";

    private static string Required(XElement? element, string file, string at) =>
        Text(element) ?? throw new VulnerabilityFormatException(file, at, "missing.");

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Time(XElement? element, string file, string at) =>
        Text(element) is not { } text ? null
        // JVN writes "2022-12-15T10:24+09:00" (no seconds) as well as full W3C-DTF times.
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new VulnerabilityFormatException(file, at, $"'{VulnerabilityJson.Clip(text)}' is not a date and time.");

    private static string[] Ids(IEnumerable<string?> values, Regex pattern) =>
        [.. values.Select(v => v?.Trim()).Where(v => v is not null && pattern.IsMatch(v)).Select(v => v!).Distinct(StringComparer.Ordinal)];

    private static string[] Distinct(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal)];
}
