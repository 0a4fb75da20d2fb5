using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shirube.Domain.Disclosure.Records;
using Shirube.Domain.Packages;
using Shirube.Domain.Scoring;
using Shirube.Formats.Disclosure.Vex;

namespace Shirube.Formats.Disclosure.Cve;

/// <summary>The CVE Record Format versions whose schemas are embedded.</summary>
public enum CveSchemaVersion
{
    /// <summary>5.1.0: what every CVE Services instance accepts.</summary>
    V51,
    /// <summary>5.2.0: adds <c>packageURL</c> and <c>cpeApplicability</c>.</summary>
    V52,
}

/// <summary>
/// Writes a CVE JSON 5 CNA published container (<c>{"cnaContainer": {…}}</c>, the body CVE Services takes) from a
/// <see cref="CveRecordInput"/>: descriptions, solutions and workarounds in each language given, affected products
/// with versions and ranges, CPEs and (5.2) the package URL, problem types with CWE ids, CVSS 3.1 and 4.0 metrics
/// scored by Shirube's calculator, references with tags, credits and dates. An input missing what the CVE Program
/// requires is refused before anything is built, naming the field; the container is checked against the embedded
/// CVE schema (5.1.0, or 5.2.0 when a package URL is written) before it is written.
/// </summary>
public static partial class CveRecordWriter
{
    private static readonly Lazy<ExportSchema> Schema51 = new(() => ExportSchema.Load("cve-schemas/CVE_Record_Format_5.1.0_bundled.json", "/definitions/cnaPublishedContainer"));
    private static readonly Lazy<ExportSchema> Schema52 = new(() => ExportSchema.Load("cve-schemas/CVE_Record_Format_5.2.0_bundled.json", "/definitions/cnaPublishedContainer"));

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^CWE-[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CweId();

    /// <summary>The embedded schema file of a version, exactly as shipped.</summary>
    public static byte[] SchemaFile(CveSchemaVersion version) => ExportSchema.ReadResource(version switch
    {
        CveSchemaVersion.V51 => "cve-schemas/CVE_Record_Format_5.1.0_bundled.json",
        CveSchemaVersion.V52 => "cve-schemas/CVE_Record_Format_5.2.0_bundled.json",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    });

    /// <summary>
    /// The errors of a CNA container (the object inside <c>cnaContainer</c>, or a record's <c>containers.cna</c>)
    /// against <c>#/definitions/cnaPublishedContainer</c> of the schema; empty when it validates.
    /// </summary>
    public static IReadOnlyList<(string Path, string Message)> SchemaErrors(JsonNode container, CveSchemaVersion version = CveSchemaVersion.V51) =>
        (version == CveSchemaVersion.V52 ? Schema52 : Schema51).Value.Errors(container);

    /// <summary>
    /// What the CVE Program requires that the input lacks, each as (field, reason): the CVE id's form, the
    /// assigner, an English description, an affected product with vendor, product and versions (or a default
    /// status), a reference, ranges with a version type, CVSS vectors that parse, CWE ids' form, lengths.
    /// </summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(CveRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<(string, string)>();
        void Add(string field, string reason) => problems.Add((field, reason));
        if (!CveId().IsMatch(input.CveId ?? ""))
            Add("cveId", $"'{input.CveId}' is not a CVE id (CVE-YYYY-NNNN).");
        if (input.AssignerOrgId == Guid.Empty)
            Add("assignerOrgId", "the CNA's organisation UUID is required.");
        if (input.AssignerShortName is { } shortName && shortName.Trim().Length is < 2 or > 32)
            Add("assignerShortName", "a short name has 2 to 32 characters.");
        if (input.Title is { } title && title.Trim().Length is 0 or > 256)
            Add("title", "a title has 1 to 256 characters.");
        if (!input.Descriptions.Any(d => d.IsEnglish && !string.IsNullOrWhiteSpace(d.Value)))
            Add("descriptions", "an English description is required (the CVE Program publishes in English; Japanese may be added).");
        Texts(input.Descriptions, "descriptions", Add);
        Texts(input.Solutions, "solutions", Add);
        Texts(input.Workarounds, "workarounds", Add);
        if (input.Affected.Count == 0)
            Add("affected", "at least one affected product is required.");
        for (var i = 0; i < input.Affected.Count; i++)
        {
            var product = input.Affected[i];
            var at = $"affected[{i}]";
            if (string.IsNullOrWhiteSpace(product.Vendor))
                Add(at + ".vendor", "the vendor is required.");
            if (string.IsNullOrWhiteSpace(product.Product))
                Add(at + ".product", "the product name is required.");
            if (product.Versions.Count == 0 && product.DefaultStatus is null)
                Add(at + ".versions", "versions or a default status are required.");
            for (var j = 0; j < product.Versions.Count; j++)
            {
                var version = product.Versions[j];
                var vat = $"{at}.versions[{j}]";
                if (string.IsNullOrWhiteSpace(version.Version))
                    Add(vat + ".version", "the version is required (0 for every version before the bound).");
                if (version.LessThan is not null && version.LessThanOrEqual is not null)
                    Add(vat, "a range ends either before lessThan or at lessThanOrEqual, not both.");
                if ((version.LessThan ?? version.LessThanOrEqual) is not null && string.IsNullOrWhiteSpace(version.VersionType))
                    Add(vat + ".versionType", "a range needs a version type (semver, custom…).");
            }
        }
        if (input.References.Count == 0)
            Add("references", "at least one reference (the vendor advisory) is required.");
        for (var i = 0; i < input.ProblemTypes.Count; i++)
        {
            var problem = input.ProblemTypes[i];
            if (problem.CweId is { } cwe && !CweId().IsMatch(cwe))
                Add($"problemTypes[{i}].cweId", $"'{cwe}' is not a CWE id (CWE-NNN).");
            if (string.IsNullOrWhiteSpace(problem.Description))
                Add($"problemTypes[{i}].description", "the description is required.");
        }
        if (input.Cvss31Vector is { } v3 && !(Cvss3Vector.TryParse(v3, out var parsed, out var error3) && parsed.Version == CvssVersion.V31))
            Add("cvss31Vector", error3 ?? $"'{v3}' is CVSS 3.0; the record takes 3.1.");
        if (input.Cvss40Vector is { } v4 && !Cvss4Vector.TryParse(v4, out _, out var error4))
            Add("cvss40Vector", error4);
        return problems;
    }

    private static void Texts(IReadOnlyList<LocalizedText> texts, string field, Action<string, string> add)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i].Value))
                add($"{field}[{i}].value", "the text is empty.");
            else if (texts[i].Value.Length > 4096)
                add($"{field}[{i}].value", "a text has at most 4096 characters.");
        }
    }

    /// <summary>The CNA container (the object inside <c>cnaContainer</c>), checked against the schema.</summary>
    /// <exception cref="CveRecordException">The input lacks what the CVE Program requires (see <see cref="Problems"/>), or the container does not validate.</exception>
    public static JsonObject Build(CveRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = Problems(input);
        if (problems.Count > 0)
            throw new CveRecordException(input.CveId ?? "CVE record", problems[0].Field, string.Join(" ", problems.Select(p => $"{p.Field}: {p.Reason}")));
        var provider = new JsonObject { ["orgId"] = input.AssignerOrgId.ToString("D", CultureInfo.InvariantCulture) };
        if (input.AssignerShortName is { } shortName)
            provider["shortName"] = shortName.Trim();
        if (input.DateUpdated is { } updated)
            provider["dateUpdated"] = VexJson.Time(updated);
        var container = new JsonObject { ["providerMetadata"] = provider };
        if (input.DateAssigned is { } assigned)
            container["dateAssigned"] = VexJson.Time(assigned);
        if (input.DatePublic is { } published)
            container["datePublic"] = VexJson.Time(published);
        if (input.Title is { } title)
            container["title"] = title.Trim();
        container["descriptions"] = Texts(input.Descriptions);
        container["affected"] = new JsonArray([.. input.Affected.Select(p => (JsonNode)Product(p))]);
        if (input.ProblemTypes.Count > 0)
            container["problemTypes"] = new JsonArray([.. input.ProblemTypes.Select(p => (JsonNode)ProblemType(p))]);
        container["references"] = new JsonArray([.. input.References.DistinctBy(r => r.Url.ToString()).Select(r => (JsonNode)Reference(r))]);
        if (Metrics(input) is { Count: > 0 } metrics)
            container["metrics"] = metrics;
        if (input.Solutions.Count > 0)
            container["solutions"] = Texts(input.Solutions);
        if (input.Workarounds.Count > 0)
            container["workarounds"] = Texts(input.Workarounds);
        if (input.Credits.Count > 0)
            container["credits"] = new JsonArray([.. input.Credits.Distinct().Select(c => (JsonNode)new JsonObject { ["lang"] = c.Lang, ["value"] = c.Value.Trim(), ["type"] = CreditType(c.Type) })]);
        container["x_generator"] = new JsonObject { ["engine"] = "Shirube" };
        var version = input.Affected.Any(p => p.Purl is not null) ? CveSchemaVersion.V52 : CveSchemaVersion.V51;
        var errors = SchemaErrors(container, version);
        if (errors.Count > 0)
            throw new CveRecordException(input.CveId!, errors[0].Path, $"the container does not match the CVE {(version == CveSchemaVersion.V52 ? "5.2.0" : "5.1.0")} schema: {ExportSchema.Describe(errors)}");
        return container;
    }

    /// <summary>Writes <c>{"cnaContainer": …}</c> as UTF-8 JSON to <paramref name="output"/>.</summary>
    /// <exception cref="CveRecordException">As <see cref="Build"/>; nothing is written then.</exception>
    public static void Write(CveRecordInput input, Stream output) => VexJson.Write(new JsonObject { ["cnaContainer"] = Build(input) }, output);

    private static JsonArray Texts(IEnumerable<LocalizedText> texts) =>
        new([.. texts.Select(t => new LocalizedText(t.Lang, t.Value.Trim())).Distinct().Select(t => (JsonNode)new JsonObject { ["lang"] = t.Lang, ["value"] = t.Value })]);

    private static JsonObject Product(CveAffectedProduct p)
    {
        var node = new JsonObject { ["vendor"] = p.Vendor.Trim(), ["product"] = p.Product.Trim() };
        if (p.Purl is { } purl)
            // CVE 5.2: "The Package URL MUST NOT include a version"; the versions say which are affected.
            node["packageURL"] = PackageUrl.Create(purl.Type, purl.Namespace, purl.Name, null, purl.Qualifiers.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value)), purl.Subpath).ToString();
        if (p.Cpes.Count > 0)
            node["cpes"] = new JsonArray([.. p.Cpes.Distinct().Select(c => (JsonNode)c.ToString())]);
        if (p.Versions.Count > 0)
            node["versions"] = new JsonArray([.. p.Versions.Distinct().Select(v => (JsonNode)Version(v))]);
        if (p.DefaultStatus is { } status)
            node["defaultStatus"] = Status(status);
        return node;
    }

    private static JsonObject Version(CveVersion v)
    {
        var node = new JsonObject { ["version"] = v.Version.Trim(), ["status"] = Status(v.Status) };
        if (v.VersionType is { Length: > 0 } type)
            node["versionType"] = type;
        if (v.LessThan is { } lessThan)
            node["lessThan"] = lessThan;
        if (v.LessThanOrEqual is { } lessThanOrEqual)
            node["lessThanOrEqual"] = lessThanOrEqual;
        return node;
    }

    private static string Status(CveVersionStatus status) => status switch
    {
        CveVersionStatus.Affected => "affected",
        CveVersionStatus.Unaffected => "unaffected",
        CveVersionStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static JsonObject ProblemType(CveProblemType p)
    {
        var description = new JsonObject { ["lang"] = p.Lang, ["description"] = p.Description.Trim() };
        if (p.CweId is { } cwe)
            description["cweId"] = cwe;
        description["type"] = p.CweId is null ? "text" : "CWE";
        return new JsonObject { ["descriptions"] = new JsonArray(description) };
    }

    private static JsonObject Reference(CveReference r)
    {
        var node = new JsonObject { ["url"] = r.Url.ToString() };
        if (r.Name is { Length: > 0 } name)
            node["name"] = name;
        if (r.Tags.Count > 0)
            node["tags"] = new JsonArray([.. r.Tags.Distinct(StringComparer.Ordinal).Select(t => (JsonNode)t)]);
        return node;
    }

    private static JsonArray Metrics(CveRecordInput input)
    {
        var metrics = new JsonArray();
        if (input.Cvss31Vector is { } v3)
        {
            var vector = Cvss3Vector.Parse(v3);
            metrics.Add(Metric("cvssV3_1", "3.1", vector.ToString(), vector.BaseScore, CvssVersion.V31));
        }
        if (input.Cvss40Vector is { } v4)
        {
            var vector = Cvss4Vector.Parse(v4);
            metrics.Add(Metric("cvssV4_0", "4.0", vector.ToString(), vector.BaseScore, CvssVersion.V40));
        }
        return metrics;
    }

    private static JsonObject Metric(string property, string version, string vector, decimal score, CvssVersion cvss) => new()
    {
        ["format"] = "CVSS",
        ["scenarios"] = new JsonArray(new JsonObject { ["lang"] = "en", ["value"] = "GENERAL" }),
        [property] = new JsonObject
        {
            ["version"] = version,
            ["vectorString"] = vector,
            ["baseScore"] = score,
            ["baseSeverity"] = CvssSeverityScale.Rate(cvss, score).ToString().ToUpperInvariant(),
        },
    };

    private static string CreditType(CveCreditType type) => type switch
    {
        CveCreditType.Finder => "finder",
        CveCreditType.Reporter => "reporter",
        CveCreditType.Analyst => "analyst",
        CveCreditType.Coordinator => "coordinator",
        CveCreditType.RemediationDeveloper => "remediation developer",
        CveCreditType.RemediationReviewer => "remediation reviewer",
        CveCreditType.RemediationVerifier => "remediation verifier",
        CveCreditType.Tool => "tool",
        CveCreditType.Sponsor => "sponsor",
        CveCreditType.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
