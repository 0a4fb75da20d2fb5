using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Shirube.Domain.Disclosure.Records;
using Shirube.Domain.Scoring;

namespace Shirube.Formats.Disclosure.Jvn;

/// <summary>
/// What a maker hands JPCERT/CC for a JVN publication, from a <see cref="JvnExportInput"/>: a VULDEF 3.2 document in
/// Japanese (the format JVN iPedia publishes, so the draft reads like the entry it becomes) and the vendor statement
/// as Japanese Markdown with the fields of a JVN vendor entry. Until JVN assigns an id the document carries
/// <see cref="PendingId"/>. An input missing what the entry needs is refused, naming the field.
/// </summary>
public static partial class JvnExport
{
    /// <summary>The VulinfoID written until JVN assigns one.</summary>
    public const string PendingId = "JVN-PENDING";

    /// <summary>The VULDEF namespace.</summary>
    public static readonly XNamespace Vuldef = "http://jvn.jp/vuldef/";

    // JVN publishes in Japan Standard Time; dates in the statement are JST calendar days.
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^CWE-[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CweId();

    /// <summary>
    /// What the input lacks, each as (field, reason): title, overview and vendor name; an affected product for a
    /// maker whose products are affected, each with a name and versions; a CVSS 3.x vector that parses, with the
    /// impact it scores; CVE and CWE ids in their forms; solutions with a description.
    /// </summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(JvnExportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<(string, string)>();
        void Add(string field, string reason) => problems.Add((field, reason));
        if (string.IsNullOrWhiteSpace(input.Title))
            Add("title", "the title (タイトル) is required.");
        if (string.IsNullOrWhiteSpace(input.Overview))
            Add("overview", "the overview (概要) is required.");
        if (string.IsNullOrWhiteSpace(input.VendorName))
            Add("vendorName", "the vendor name (ベンダ名) is required.");
        if (input.VendorStatus == JvnVendorStatus.Affected && input.Products.Count == 0)
            Add("products", "a vendor with affected products (該当製品あり) lists at least one product and its versions.");
        for (var i = 0; i < input.Products.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(input.Products[i].Name))
                Add($"products[{i}].name", "the product name is required.");
            if (string.IsNullOrWhiteSpace(input.Products[i].AffectedVersions))
                Add($"products[{i}].affectedVersions", "the affected versions are required.");
        }
        if (input.Cvss3Vector is { } vector && !Cvss3Vector.TryParse(vector, out _, out var error))
            Add("cvss3Vector", error);
        if (input.Cvss3Vector is not null && string.IsNullOrWhiteSpace(input.Impact))
            Add("impact", "the impact (想定される影響) is required with a CVSS vector: VULDEF keeps the score inside it.");
        for (var i = 0; i < input.CveIds.Count; i++)
            if (!CveId().IsMatch(input.CveIds[i] ?? ""))
                Add($"cveIds[{i}]", $"'{input.CveIds[i]}' is not a CVE id (CVE-YYYY-NNNN).");
        for (var i = 0; i < input.Cwes.Count; i++)
            if (!CweId().IsMatch(input.Cwes[i].CweId ?? ""))
                Add($"cwes[{i}].cweId", $"'{input.Cwes[i].CweId}' is not a CWE id (CWE-NNN).");
        for (var i = 0; i < input.Solutions.Count; i++)
            if (string.IsNullOrWhiteSpace(input.Solutions[i].Description))
                Add($"solutions[{i}].description", "the description is required.");
        return problems;
    }

    /// <summary>The VULDEF 3.2 document (one Vulinfo, <c>xml:lang="ja"</c>).</summary>
    /// <exception cref="JvnExportException">The input lacks what the entry needs (see <see cref="Problems"/>).</exception>
    public static XDocument BuildVuldef(JvnExportInput input)
    {
        Check(input);
        var data = new XElement(Vuldef + "VulinfoData",
            new XElement(Vuldef + "Title", input.Title.Trim()),
            new XElement(Vuldef + "VulinfoDescription", new XElement(Vuldef + "Overview", input.Overview.Trim())));
        if (input.Products.Count > 0)
            data.Add(new XElement(Vuldef + "Affected", input.Products.Select(p => AffectedItem(input, p))));
        if (!string.IsNullOrWhiteSpace(input.Impact))
            data.Add(new XElement(Vuldef + "Impact", Cvss(input.Cvss3Vector), new XElement(Vuldef + "ImpactItem", new XElement(Vuldef + "Description", input.Impact.Trim()))));
        if (input.Solutions.Count > 0)
        {
            data.Add(new XElement(Vuldef + "Solution", input.Solutions.Select(s => new XElement(Vuldef + "SolutionItem",
                new XAttribute("solutiontype", s.Kind == JvnSolutionKind.Fix ? "fixed" : "workaround"),
                new XElement(Vuldef + "Description", s.Description.Trim()),
                s.Url is { } url ? new XElement(Vuldef + "URL", url.ToString()) : null))));
        }
        var related = Related(input).ToList();
        if (related.Count > 0)
            data.Add(new XElement(Vuldef + "Related", related));
        data.Add(new XElement(Vuldef + "History", History(input).Select((h, i) => new XElement(Vuldef + "HistoryItem",
            new XElement(Vuldef + "HistoryNo", (i + 1).ToString(CultureInfo.InvariantCulture)),
            new XElement(Vuldef + "DateTime", Time(h.At)),
            new XElement(Vuldef + "Description", h.Description.Trim())))));
        data.Add(new XElement(Vuldef + "DateFirstPublished", Time(input.DateFirstPublished)));
        data.Add(new XElement(Vuldef + "DateLastUpdated", Time(input.DateLastUpdated ?? input.DateFirstPublished)));
        if (input.DatePublic is { } datePublic)
            data.Add(new XElement(Vuldef + "DatePublic", Time(datePublic)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Vuldef + "VULDEF-Document",
                new XAttribute("version", "3.2"),
                new XAttribute(XNamespace.Xml + "lang", "ja"),
                new XElement(Vuldef + "Vulinfo",
                    new XElement(Vuldef + "VulinfoID", string.IsNullOrWhiteSpace(input.JvnId) ? PendingId : input.JvnId.Trim()),
                    data)));
    }

    /// <summary>Writes the VULDEF document as indented UTF-8 XML to <paramref name="output"/>.</summary>
    /// <exception cref="JvnExportException">As <see cref="BuildVuldef"/>; nothing is written then.</exception>
    public static void WriteVuldef(JvnExportInput input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var document = BuildVuldef(input);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" });
        document.Save(writer);
    }

    /// <summary>
    /// The vendor statement in Japanese Markdown, with the fields of a JVN vendor entry: ベンダステータス, 影響を受ける製品と
    /// バージョン (every product with its affected and fixed versions), 対策 (修正バージョン and 回避策), ベンダのコメント,
    /// 参考 URL and 更新日 (a JST date).
    /// </summary>
    /// <exception cref="JvnExportException">As <see cref="BuildVuldef"/>.</exception>
    public static string VendorStatement(JvnExportInput input)
    {
        Check(input);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line($"# ベンダ情報: {input.VendorName.Trim()}");
        Line();
        Line($"- JVN 番号: {(string.IsNullOrWhiteSpace(input.JvnId) ? "未採番" : input.JvnId.Trim())}");
        Line($"- タイトル: {input.Title.Trim()}");
        if (input.CveIds.Count > 0)
            Line($"- CVE: {string.Join(", ", input.CveIds.Distinct(StringComparer.Ordinal))}");
        Line($"- ベンダステータス: {StatusText(input.VendorStatus)}");
        Line($"- 更新日: {Day(input.DateLastUpdated ?? input.DateFirstPublished)}");
        Line();
        Line("## 影響を受ける製品とバージョン");
        Line();
        if (input.Products.Count == 0)
        {
            Line("影響を受ける製品はありません。");
        }
        else
        {
            Line("| 製品 | 影響を受けるバージョン | 修正バージョン |");
            Line("|---|---|---|");
            foreach (var p in input.Products)
                Line($"| {Cell(p.Name)} | {Cell(p.AffectedVersions)} | {Cell(p.FixedVersion ?? "未定")} |");
        }
        var fixes = input.Solutions.Where(s => s.Kind == JvnSolutionKind.Fix).ToList();
        var workarounds = input.Solutions.Where(s => s.Kind == JvnSolutionKind.Workaround).ToList();
        var fixedProducts = input.Products.Where(p => p.FixedVersion is not null).ToList();
        if (fixes.Count > 0 || workarounds.Count > 0 || fixedProducts.Count > 0)
        {
            Line();
            Line("## 対策");
            if (fixes.Count > 0 || fixedProducts.Count > 0)
            {
                Line();
                Line("### 修正バージョン");
                Line();
                foreach (var p in fixedProducts)
                    Line($"- {p.Name.Trim()}: {p.FixedVersion!.Trim()} 以降へアップデートしてください。");
                foreach (var s in fixes)
                    Line("- " + Solution(s));
            }
            if (workarounds.Count > 0)
            {
                Line();
                Line("### 回避策");
                Line();
                foreach (var s in workarounds)
                    Line("- " + Solution(s));
            }
        }
        if (!string.IsNullOrWhiteSpace(input.VendorComment))
        {
            Line();
            Line("## ベンダのコメント");
            Line();
            Line(input.VendorComment.Trim());
        }
        var links = Links(input).ToList();
        if (links.Count > 0)
        {
            Line();
            Line("## 参考 URL");
            Line();
            foreach (var (name, url) in links)
                Line($"- [{name}]({url})");
        }
        return text.ToString();
    }

    private static void Check(JvnExportInput input)
    {
        var problems = Problems(input);
        if (problems.Count > 0)
            throw new JvnExportException(problems[0].Field, string.Join(" ", problems.Select(p => $"{p.Field}: {p.Reason}")));
    }

    private static XElement AffectedItem(JvnExportInput input, JvnProduct p)
    {
        var item = new XElement(Vuldef + "AffectedItem",
            new XElement(Vuldef + "Name", input.VendorName.Trim()),
            new XElement(Vuldef + "ProductName", p.Name.Trim()));
        if (input.VendorStatus != JvnVendorStatus.Unknown)
            item.SetAttributeValue("affectedstatus", input.VendorStatus == JvnVendorStatus.Affected ? "vulnerable" : "notvulnerable");
        if (p.Cpe is { } cpe)
            item.Add(new XElement(Vuldef + "Cpe", new XAttribute("version", "2.2"), cpe.ToUri()));
        item.Add(new XElement(Vuldef + "VersionNumber", p.AffectedVersions.Trim()));
        if (p.FixedVersion is { Length: > 0 } fixedVersion)
            item.Add(new XElement(Vuldef + "Description", $"修正バージョン: {fixedVersion.Trim()}"));
        return item;
    }

    private static XElement? Cvss(string? text)
    {
        if (text is null)
            return null;
        var vector = Cvss3Vector.Parse(text);
        return new XElement(Vuldef + "Cvss", new XAttribute("version", vector.Version.ToVersionString()),
            new XElement(Vuldef + "Severity", new XAttribute("type", "Base"), CvssSeverityScale.Rate(vector.Version, vector.BaseScore).ToString()),
            new XElement(Vuldef + "Base", vector.BaseScore.ToString("0.0", CultureInfo.InvariantCulture)),
            new XElement(Vuldef + "Vector", vector.ToString()));
    }

    private static IEnumerable<XElement> Related(JvnExportInput input)
    {
        if (input.VendorAdvisory is { } advisory)
            yield return RelatedItem("vendor", input.VendorName.Trim(), advisory.Name.Trim(), null, advisory.Url);
        foreach (var cve in input.CveIds.Distinct(StringComparer.Ordinal))
            yield return RelatedItem("advisory", "Common Vulnerabilities and Exposures (CVE)", cve, null, CveUrl(cve));
        foreach (var cwe in input.Cwes.DistinctBy(c => c.CweId))
            yield return RelatedItem("cwe", "JVNDB", cwe.CweId, cwe.Title, new Uri($"https://jvndb.jvn.jp/ja/cwe/{cwe.CweId}.html"));
        foreach (var reference in input.References)
            yield return RelatedItem("advisory", reference.Name.Trim(), null, null, reference.Url);
    }

    private static XElement RelatedItem(string type, string name, string? id, string? title, Uri url) =>
        new(Vuldef + "RelatedItem", new XAttribute("type", type),
            new XElement(Vuldef + "Name", name),
            id is null ? null : new XElement(Vuldef + "VulinfoID", id),
            string.IsNullOrWhiteSpace(title) ? null : new XElement(Vuldef + "Title", title.Trim()),
            new XElement(Vuldef + "URL", url.ToString()));

    private static IEnumerable<JvnHistoryEntry> History(JvnExportInput input) =>
        input.History.Count > 0 ? input.History : [new JvnHistoryEntry(input.DateFirstPublished, "掲載")];

    private static IEnumerable<(string Name, string Url)> Links(JvnExportInput input)
    {
        if (input.VendorAdvisory is { } advisory)
            yield return (advisory.Name.Trim(), advisory.Url.ToString());
        foreach (var cve in input.CveIds.Distinct(StringComparer.Ordinal))
            yield return (cve, CveUrl(cve).ToString());
        foreach (var reference in input.References)
            yield return (reference.Name.Trim(), reference.Url.ToString());
    }

    private static Uri CveUrl(string cve) => new("https://www.cve.org/CVERecord?id=" + cve);

    private static string Solution(JvnSolution s) => s.Url is { } url ? $"{s.Description.Trim()} ({url})" : s.Description.Trim();

    private static string StatusText(JvnVendorStatus status) => status switch
    {
        JvnVendorStatus.Affected => "該当製品あり",
        JvnVendorStatus.NotAffected => "該当製品なし",
        JvnVendorStatus.Unknown => "未確認",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    // A table cell keeps to one line and cannot end the cell early.
    private static string Cell(string text) => text.Trim().Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Day(DateTimeOffset time) => time.ToOffset(Jst).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
