using System.Globalization;
using System.Text.Json.Nodes;

namespace Shirube.Web.Features.Disclosure.Publishing;

internal sealed record PublishedProduct(string Name, string Version, string State);

internal sealed record PublishedScore(string Version, string Vector, decimal BaseScore, string Severity);

internal sealed record PublishedRemediation(string Category, string Details, string? Url, DateTimeOffset? Date, string[] Products);

internal sealed record PublishedRevision(string Number, DateTimeOffset Date, string Summary);

internal sealed record PublishedNote(string Title, string Text);

/// <summary>
/// One frozen CSAF document of a published advisory, read for people: what the public page shows. Read from the
/// document exactly as published, never from the advisory as it is being edited.
/// </summary>
internal sealed record PublishedDocument(
    string TrackingId, string Language, string Title, string TlpLabel, string Status, string Version,
    DateTimeOffset InitialReleaseDate, DateTimeOffset CurrentReleaseDate, string? AggregateSeverity,
    string? Summary, IReadOnlyList<PublishedNote> Details, string? Cve, string? CweId, string? CweName,
    IReadOnlyList<PublishedProduct> Products, IReadOnlyList<PublishedScore> Scores, IReadOnlyList<PublishedRemediation> Remediations,
    IReadOnlyList<string> Impacts, IReadOnlyList<string> Acknowledgments, IReadOnlyList<PublishedRevision> Revisions)
{
    /// <summary>States as CSAF names them (<c>known_affected</c>…), in the order a reader looks for them.</summary>
    public static readonly string[] States = ["known_affected", "fixed", "known_not_affected", "under_investigation"];

    /// <summary>Reads a document Shirube wrote (it passed the validator before it was frozen).</summary>
    public static PublishedDocument Read(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var document = root["document"]!;
        var tracking = document["tracking"]!;

        var names = new Dictionary<string, (string Name, string Version)>(StringComparer.Ordinal);
        void Walk(JsonNode? branch, string? productName)
        {
            if (branch is null)
                return;
            var category = Text(branch["category"]);
            var name = Text(branch["name"]) ?? "";
            if (category == "product_name")
                productName = name;
            if (branch["product"]?["product_id"] is { } id)
                names[(string)id!] = (productName ?? Text(branch["product"]!["name"]) ?? name, category == "product_version" ? name : "");
            foreach (var child in branch["branches"]?.AsArray() ?? [])
                Walk(child, productName);
        }
        foreach (var branch in root["product_tree"]?["branches"]?.AsArray() ?? [])
            Walk(branch, null);
        string Named(string id) => names.TryGetValue(id, out var n) ? $"{n.Name} {n.Version}".Trim() : id;

        var vulnerability = root["vulnerabilities"]?.AsArray().FirstOrDefault();
        var products = new List<PublishedProduct>();
        foreach (var state in States)
            foreach (var id in vulnerability?["product_status"]?[state]?.AsArray() ?? [])
                if (Text(id) is { } key)
                    products.Add(names.TryGetValue(key, out var n) ? new PublishedProduct(n.Name, n.Version, state) : new PublishedProduct(key, "", state));

        var scores = new List<PublishedScore>();
        foreach (var score in vulnerability?["scores"]?.AsArray() ?? [])
            if (score?["cvss_v3"] is { } v3)
                scores.Add(new PublishedScore((string?)v3["version"] ?? "3.1", (string?)v3["vectorString"] ?? "", (decimal?)v3["baseScore"] ?? 0, (string?)v3["baseSeverity"] ?? ""));
        var notes = Notes(vulnerability?["notes"]);
        // CSAF 2.0 scores only v2 and v3: Shirube writes a v4.0 vector as a note titled so.
        var details = notes.Where(n => n.Title != "CVSS v4.0").ToList();
        details.AddRange(notes.Where(n => n.Title == "CVSS v4.0"));

        return new PublishedDocument(
            (string)tracking["id"]!, Text(document["lang"]) ?? "en", (string)document["title"]!,
            Text(document["distribution"]?["tlp"]?["label"]) ?? "", Text(tracking["status"]) ?? "", Text(tracking["version"]) ?? "",
            Date(tracking["initial_release_date"]) ?? default, Date(tracking["current_release_date"]) ?? default,
            Text(document["aggregate_severity"]?["text"]),
            (document["notes"]?.AsArray() ?? []).Where(n => Text(n?["category"]) == "summary").Select(n => Text(n?["text"])).FirstOrDefault(),
            details, Text(vulnerability?["cve"]), Text(vulnerability?["cwe"]?["id"]), Text(vulnerability?["cwe"]?["name"]),
            products, scores,
            [.. (vulnerability?["remediations"]?.AsArray() ?? []).Select(r => new PublishedRemediation(Text(r?["category"]) ?? "", Text(r?["details"]) ?? "",
                Text(r?["url"]), Date(r?["date"]), [.. (r?["product_ids"]?.AsArray() ?? []).Select(p => Named(Text(p) ?? ""))]))],
            [.. (vulnerability?["threats"]?.AsArray() ?? []).Where(t => Text(t?["category"]) == "impact").Select(t => Text(t?["details"]) ?? "")],
            [.. (vulnerability?["acknowledgments"]?.AsArray() ?? []).SelectMany(a => (a?["names"]?.AsArray() ?? []).Select(Text)
                .Concat([Text(a?["organization"]), Text(a?["summary"])])).OfType<string>()],
            [.. (tracking["revision_history"]?.AsArray() ?? []).Select(r => new PublishedRevision(Text(r?["number"]) ?? "", Date(r?["date"]) ?? default, Text(r?["summary"]) ?? ""))
                .OrderBy(r => int.TryParse(r.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)]);
    }

    private static List<PublishedNote> Notes(JsonNode? notes) =>
        [.. (notes?.AsArray() ?? []).Select(n => new PublishedNote(Text(n?["title"]) ?? "", Text(n?["text"]) ?? ""))];

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Date(JsonNode? node) =>
        DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
}
