using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Formats.Disclosure;

/// <summary>
/// Writes an <see cref="AdvisoryDocument"/> as a CSAF 2.0 document (UTF-8, indented): a <c>csaf_security_advisory</c>
/// or a <c>csaf_vex</c>. Keys are written in sorted order (test 6.2.13), product ids are numbered in tree order
/// (<c>CSAFPID-0001</c>…), TLP CLEAR is written WHITE (CSAF 2.0 predates TLP 2.0).
/// </summary>
public static class CsafWriter
{
    /// <summary>The URL of the TLP definitions the label refers to.</summary>
    public static readonly Uri TlpUrl = new("https://www.first.org/tlp/");

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException">A status or remediation names a version the product tree does not have.</exception>
    public static byte[] Write(AdvisoryDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            Sorted(ToJson(document))!.WriteTo(writer);
        return stream.ToArray();
    }

    /// <summary>The document as JSON text.</summary>
    public static string WriteString(AdvisoryDocument document) => System.Text.Encoding.UTF8.GetString(Write(document));

    private static JsonObject ToJson(AdvisoryDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in d.Products.SelectMany(p => p.Versions))
            ids.TryAdd(version.Key, string.Create(CultureInfo.InvariantCulture, $"CSAFPID-{ids.Count + 1:0000}"));
        string Id(string key) => ids.TryGetValue(key, out var id) ? id : throw new ArgumentException($"The product version '{key}' is not in the product tree.", nameof(d));

        var root = new JsonObject { ["document"] = Document(d) };
        if (d.Products.Count > 0)
            root["product_tree"] = new JsonObject { ["branches"] = Array(d.Products.Select(p => Vendor(p, d.Publisher, ids))) };
        if (d.Vulnerabilities.Count > 0)
            root["vulnerabilities"] = Array(d.Vulnerabilities.Select(v => Vulnerability(v, d.Category, Id)));
        return root;
    }

    private static JsonObject Document(AdvisoryDocument d)
    {
        var revisions = d.Revisions.OrderBy(r => r.Number).ToList();
        if (revisions.Count == 0)
            throw new ArgumentException("A CSAF document needs at least one revision.", nameof(d));
        var document = new JsonObject
        {
            ["category"] = d.Category == DocumentCategory.Vex ? "csaf_vex" : "csaf_security_advisory",
            ["csaf_version"] = "2.0",
            ["distribution"] = new JsonObject { ["tlp"] = new JsonObject { ["label"] = Tlp(d.Tlp), ["url"] = TlpUrl.ToString() } },
            ["lang"] = d.Language,
            ["publisher"] = Publisher(d.Publisher),
            ["title"] = d.Title,
            ["tracking"] = new JsonObject
            {
                ["current_release_date"] = Date(revisions[^1].Date),
                ["generator"] = new JsonObject
                {
                    ["date"] = Date(d.GeneratedAt),
                    ["engine"] = new JsonObject { ["name"] = "Shirube", ["version"] = typeof(CsafWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" },
                },
                ["id"] = d.TrackingId,
                ["initial_release_date"] = Date(revisions[0].Date),
                ["revision_history"] = Array(revisions.Select(r => new JsonObject
                {
                    ["date"] = Date(r.Date),
                    ["number"] = r.Number.ToString(CultureInfo.InvariantCulture),
                    ["summary"] = r.Summary,
                })),
                ["status"] = d.Status switch { DocumentStatus.Draft => "draft", DocumentStatus.Interim => "interim", _ => "final" },
                ["version"] = revisions[^1].Number.ToString(CultureInfo.InvariantCulture),
            },
        };
        if (d.AggregateSeverity is { } severity)
            document["aggregate_severity"] = new JsonObject { ["text"] = severity };
        if (d.Notes.Count > 0)
            document["notes"] = Array(d.Notes.Select(Note));
        var references = new List<JsonObject>();
        if (d.SelfUrl is { } self)
            references.Add(Reference(new DocumentReference(self, d.Language == "ja" ? "このアドバイザリの正規の URL" : "The canonical URL of this advisory"), "self"));
        references.AddRange(d.References.Select(r => Reference(r, "external")));
        if (references.Count > 0)
            document["references"] = Array(references);
        return document;
    }

    private static JsonObject Publisher(DocumentPublisher p)
    {
        var publisher = new JsonObject { ["category"] = "vendor", ["name"] = p.Name, ["namespace"] = p.Namespace.ToString() };
        if (!string.IsNullOrWhiteSpace(p.ContactDetails))
            publisher["contact_details"] = p.ContactDetails;
        return publisher;
    }

    private static string Tlp(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "WHITE",
        TlpLabel.Green => "GREEN",
        TlpLabel.Amber => "AMBER",
        TlpLabel.Red => "RED",
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    private static JsonObject Vendor(ProductEntry p, DocumentPublisher publisher, Dictionary<string, string> ids)
    {
        var versions = Array(p.Versions.Select(v =>
        {
            var product = new JsonObject { ["name"] = $"{p.Name} {v.Version}", ["product_id"] = ids[v.Key] };
            var helper = new JsonObject();
            if (v.Purl is { } purl)
                helper["purl"] = purl;
            if (v.Cpe is { } cpe)
                helper["cpe"] = cpe;
            if (v.VendorUri is { } uri)
                helper["x_generic_uris"] = new JsonArray(new JsonObject { ["namespace"] = publisher.Namespace.ToString(), ["uri"] = uri.ToString() });
            if (helper.Count > 0)
                product["product_identification_helper"] = helper;
            return Branch("product_version", v.Version, product: product);
        }));
        var name = Branch("product_name", p.Name, versions);
        var below = p.Family is { } family ? Branch("product_family", family, new JsonArray(name)) : name;
        return Branch("vendor", p.Vendor, new JsonArray(below));
    }

    private static JsonObject Branch(string category, string name, JsonArray? branches = null, JsonObject? product = null)
    {
        var branch = new JsonObject { ["category"] = category, ["name"] = name };
        if (branches is not null)
            branch["branches"] = branches;
        if (product is not null)
            branch["product"] = product;
        return branch;
    }

    private static JsonObject Vulnerability(VulnerabilityEntry v, DocumentCategory category, Func<string, string> id)
    {
        var vulnerability = new JsonObject();
        if (v.Cve is { } cve)
            vulnerability["cve"] = cve;
        if (v.CweId is { } cweId && v.CweName is { } cweName)
            vulnerability["cwe"] = new JsonObject { ["id"] = cweId, ["name"] = cweName };
        if (v.Title is { } title)
            vulnerability["title"] = title;
        if (v.Notes.Count > 0)
            vulnerability["notes"] = Array(v.Notes.Select(Note));
        if (v.ReleaseDate is { } released)
            vulnerability["release_date"] = Date(released);
        if (v.Acknowledgments.Count > 0)
            vulnerability["acknowledgments"] = new JsonArray(new JsonObject { ["names"] = Strings(v.Acknowledgments) });
        if (v.References.Count > 0)
            vulnerability["references"] = Array(v.References.Select(r => Reference(r, "external")));

        var status = new JsonObject();
        foreach (var group in v.Statuses.GroupBy(s => s.State).OrderBy(g => g.Key))
            status[group.Key switch
            {
                ProductState.KnownAffected => "known_affected",
                ProductState.Fixed => "fixed",
                ProductState.KnownNotAffected => "known_not_affected",
                _ => "under_investigation",
            }] = Strings(group.Select(s => id(s.Key)).Distinct());
        if (status.Count > 0)
            vulnerability["product_status"] = status;

        var affected = v.Statuses.Where(s => s.State == ProductState.KnownAffected).Select(s => id(s.Key)).Distinct().ToList();
        if (v.Cvss3Vector is { } vector && affected.Count > 0)
            vulnerability["scores"] = new JsonArray(new JsonObject { ["cvss_v3"] = Cvss3(vector), ["products"] = Strings(affected) });

        if (v.Remediations.Count > 0)
            vulnerability["remediations"] = Array(v.Remediations.Select(r => Remediation(r, id)));

        var threats = new List<JsonObject>();
        if (v.Impact is { } impact && affected.Count > 0)
            threats.Add(new JsonObject { ["category"] = "impact", ["details"] = impact, ["product_ids"] = Strings(affected) });
        var notAffected = v.Statuses.Where(s => s.State == ProductState.KnownNotAffected).ToList();
        foreach (var statement in notAffected.Where(s => s.Statement is not null).GroupBy(s => s.Statement!, StringComparer.Ordinal))
            threats.Add(new JsonObject { ["category"] = "impact", ["details"] = statement.Key, ["product_ids"] = Strings(statement.Select(s => id(s.Key)).Distinct()) });
        if (threats.Count > 0)
            vulnerability["threats"] = Array(threats);
        var flags = notAffected.Where(s => s.Justification is not null).GroupBy(s => s.Justification!.Value).OrderBy(g => g.Key)
            .Select(g => new JsonObject { ["label"] = Label(g.Key), ["product_ids"] = Strings(g.Select(s => id(s.Key)).Distinct()) }).ToList();
        if (flags.Count > 0)
            vulnerability["flags"] = Array(flags);
        if (category == DocumentCategory.Vex && notAffected.FirstOrDefault(s => s.Justification is null && s.Statement is null) is { } bare)
            throw new ArgumentException($"In a VEX document the not-affected version '{bare.Key}' needs a justification or an impact statement.", nameof(v));
        return vulnerability;
    }

    private static JsonObject Cvss3(string vector)
    {
        var parsed = Shirube.Domain.Scoring.Cvss3Vector.Parse(vector);
        var score = parsed.Score();
        return new JsonObject
        {
            ["baseScore"] = parsed.BaseScore,
            ["baseSeverity"] = (score.BaseSeverity ?? score.Severity).ToString().ToUpperInvariant(),
            ["vectorString"] = parsed.ToString(),
            ["version"] = parsed.Version == Shirube.Domain.Scoring.CvssVersion.V30 ? "3.0" : "3.1",
        };
    }

    private static JsonObject Remediation(RemediationEntry r, Func<string, string> id)
    {
        var remediation = new JsonObject
        {
            ["category"] = r.Kind switch
            {
                RemediationKind.VendorFix => "vendor_fix",
                RemediationKind.Workaround => "workaround",
                RemediationKind.Mitigation => "mitigation",
                RemediationKind.NoneAvailable => "none_available",
                _ => "no_fix_planned",
            },
            ["details"] = r.Text,
            ["product_ids"] = Strings(r.Keys.Select(id).Distinct()),
        };
        if (r.Url is { } url)
            remediation["url"] = url.ToString();
        if (r.Date is { } date)
            remediation["date"] = Date(date);
        return remediation;
    }

    private static string Label(NotAffectedReason reason) => reason switch
    {
        NotAffectedReason.ComponentNotPresent => "component_not_present",
        NotAffectedReason.VulnerableCodeNotPresent => "vulnerable_code_not_present",
        NotAffectedReason.VulnerableCodeCannotBeControlledByAdversary => "vulnerable_code_cannot_be_controlled_by_adversary",
        NotAffectedReason.VulnerableCodeNotInExecutePath => "vulnerable_code_not_in_execute_path",
        _ => "inline_mitigations_already_exist",
    };

    private static JsonObject Note(DocumentNote n) => new()
    {
        ["category"] = n.Kind switch
        {
            NoteKind.Summary => "summary",
            NoteKind.Description => "description",
            NoteKind.Details => "details",
            NoteKind.General => "general",
            NoteKind.LegalDisclaimer => "legal_disclaimer",
            _ => "other",
        },
        ["text"] = n.Text,
        ["title"] = n.Title,
    };

    private static JsonObject Reference(DocumentReference r, string category) =>
        new() { ["category"] = category, ["summary"] = r.Summary, ["url"] = r.Url.ToString() };

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items.Cast<JsonNode?>()]);

    // Test 6.2.13 expects every object's keys in sorted order.
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(i => Sorted(i?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
