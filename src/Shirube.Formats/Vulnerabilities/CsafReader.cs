using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Disclosure;
using Shirube.Formats.Vulnerabilities.Dto;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>A product an advisory names as affected that gives nothing to match a component by, and why.</summary>
/// <param name="ProductId">The CSAF product id.</param>
/// <param name="Reason">Why it was left out (no purl or CPE, no version, a purl type without an OSV ecosystem…).</param>
public sealed record CsafSkippedProduct(string ProductId, string Reason);

/// <summary>What one CSAF document gives the vulnerability store.</summary>
/// <param name="TrackingId">The document's <c>/document/tracking/id</c>.</param>
/// <param name="Category">Its category (<c>csaf_security_advisory</c>, <c>csaf_vex</c>, <c>csaf_base</c>…).</param>
/// <param name="Tlp">Its TLP label, if it has one.</param>
/// <param name="Records">One record per entry of <c>/vulnerabilities</c>, in the document's order.</param>
/// <param name="Skipped">The affected products that name no purl or CPE with a version (each product once).</param>
public sealed record CsafAdvisory(string TrackingId, string Category, string? Tlp, IReadOnlyList<VulnerabilityRecord> Records, IReadOnlyList<CsafSkippedProduct> Skipped);

/// <summary>A CSAF document whose TLP label keeps it from being shown to every user of Shirube.</summary>
public sealed class CsafTlpException(string file, string label)
    : DocumentFormatException(file, "/document/distribution/tlp/label", $"TLP:{label} restricts who may read the advisory; imported vulnerability data is shown to every user.", null)
{
    /// <summary>The label (<c>AMBER</c>, <c>RED</c>).</summary>
    public string Label { get; } = label;
}

/// <summary>
/// Reads a supplier's CSAF 2.0 document (<c>csaf_security_advisory</c>, <c>csaf_vex</c>, <c>csaf_base</c>) as
/// vulnerability records. The document must pass <see cref="CsafValidator"/> without errors, and its TLP label must be
/// WHITE, CLEAR or GREEN unless the caller allows more. Each <c>/vulnerabilities</c> entry becomes one record, with id
/// <c>&lt;tracking id&gt;#&lt;CVE&gt;</c> (else the first of its <c>ids</c>, else its index): one supplier's advisory on
/// a CVE neither replaces another's nor the NVD record of that CVE, and the CVE is its alias.
/// </summary>
/// <remarks>
/// The products of <c>known_affected</c>, <c>first_affected</c> and <c>last_affected</c> are looked up in the product
/// tree (branches, full product names, relationships — whose affected thing is the component,
/// <c>product_reference</c>). A purl with an OSV ecosystem becomes an affected package: its own version, else the
/// version of its <c>product_version</c> branch, else the vers range of its <c>product_version_range</c> branch. A CPE
/// becomes a CPE match with that version or those bounds. Products that are fixed, not affected, under
/// investigation or recommended are never affected; nothing is inferred from them (an advisory that lists only fixed
/// versions, as Red Hat's do, gives records without affected packages). A product without a purl or CPE, or without a
/// version, is left out and named in <see cref="CsafAdvisory.Skipped"/>.
/// </remarks>
public static partial class CsafReader
{
    /// <summary>The largest document read (the validator's bound).</summary>
    public const long MaxBytes = CsafValidator.MaxBytes;

    /// <summary>The longest record id the store keeps.</summary>
    public const int MaxIdLength = 100;

    private static readonly JsonSerializerOptions Options = new() { MaxDepth = CsafValidator.MaxDepth };

    /// <summary>The TLP labels whose documents may be shown to every user.</summary>
    public static IReadOnlyList<string> PublicLabels { get; } = ["WHITE", "CLEAR", "GREEN"];

    /// <summary>Reads a document from a stream of at most <see cref="MaxBytes"/>.</summary>
    /// <exception cref="VulnerabilityFormatException">Not JSON, not CSAF, or CSAF with errors (names the test id and the JSON pointer).</exception>
    /// <exception cref="CsafTlpException">TLP:AMBER or RED and <paramref name="allowRestricted"/> is false.</exception>
    public static async Task<CsafAdvisory> ReadAsync(Stream stream, string file, bool allowRestricted = false, CancellationToken ct = default)
    {
        var bytes = await OsvReader.ReadBoundedAsync(stream, MaxBytes, file, ct).ConfigureAwait(false);
        return Read(bytes, file, allowRestricted);
    }

    /// <summary>Reads a document from its UTF-8 bytes.</summary>
    /// <exception cref="VulnerabilityFormatException">Not JSON, not CSAF, or CSAF with errors (names the test id and the JSON pointer).</exception>
    /// <exception cref="CsafTlpException">TLP:AMBER or RED and <paramref name="allowRestricted"/> is false.</exception>
    public static CsafAdvisory Read(ReadOnlyMemory<byte> json, string file, bool allowRestricted = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        CsafReport report;
        try
        {
            report = CsafValidator.Validate(json, file);
        }
        catch (CsafFormatException e)
        {
            throw new VulnerabilityFormatException(e.File, e.Path, e.Reason, e);
        }
        var errors = report.Errors.ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count == 1 ? "" : $" ({(errors.Count - 1).ToString(CultureInfo.InvariantCulture)} more errors)";
            throw new VulnerabilityFormatException(file, first.Path.Length == 0 ? "/" : first.Path,
                $"not valid CSAF 2.0: test {first.Test} failed: {first.Message}{more}");
        }
        CsafDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<CsafDto>(json.Span, Options) ?? throw new VulnerabilityFormatException(file, "/", "the value is null.");
        }
        catch (JsonException e)
        {
            throw new VulnerabilityFormatException(file, JsonPaths.ToPointer(e.Path) is { Length: > 0 } p ? p : "/", e.Message.Split(" Path:")[0], e);
        }
        var document = dto.Document!;
        var label = document.Distribution?.Tlp?.Label;
        if (label is not null && !allowRestricted && !PublicLabels.Contains(label, StringComparer.Ordinal))
            throw new CsafTlpException(file, label);
        var trackingId = document.Tracking!.Id!;
        if (trackingId.Length > MaxIdLength - 12)
            throw new VulnerabilityFormatException(file, "/document/tracking/id", $"longer than {(MaxIdLength - 12).ToString(CultureInfo.InvariantCulture)} characters: too long to name a record.");
        var tree = new ProductTree(dto.ProductTree);
        var skipped = new Dictionary<string, CsafSkippedProduct>(StringComparer.Ordinal);
        var records = new List<VulnerabilityRecord>(dto.Vulnerabilities?.Count ?? 0);
        for (var i = 0; i < (dto.Vulnerabilities?.Count ?? 0); i++)
            records.Add(Map(dto.Vulnerabilities![i], i, document, tree, skipped, file));
        return new CsafAdvisory(trackingId, document.Category!, label, records, [.. skipped.Values]);
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9]+[-#][A-Za-z0-9][A-Za-z0-9._:#-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseId();

    private static VulnerabilityRecord Map(CsafVulnerabilityDto v, int index, CsafDocumentDto document, ProductTree tree,
        Dictionary<string, CsafSkippedProduct> skipped, string file)
    {
        var at = $"/vulnerabilities/{index.ToString(CultureInfo.InvariantCulture)}";
        var tracking = document.Tracking!;
        // Other ids are aliases only when they look like a database's id: a bare bug number of one vendor could
        // otherwise join unrelated vulnerabilities of another, as aliases are transitive.
        var otherIds = (v.Ids ?? []).Select(i => i.Text?.Trim()).OfType<string>().Where(t => DatabaseId().IsMatch(t)).ToList();
        var local = v.Cve ?? (v.Ids ?? []).Select(i => i.Text?.Trim()).FirstOrDefault(t => !string.IsNullOrEmpty(t));
        var id = $"{tracking.Id}#{local}";
        if (local is null || id.Length > MaxIdLength)
            id = $"{tracking.Id}#{index.ToString(CultureInfo.InvariantCulture)}";
        var (affected, configurations) = Affected(v, tree, skipped);
        return new VulnerabilityRecord(id, VulnerabilitySource.Csaf, VulnerabilityJson.Time(tracking.CurrentReleaseDate, file, "/document/tracking/current_release_date"))
        {
            Published = VulnerabilityJson.OptionalTime(v.ReleaseDate, file, at + "/release_date")
                ?? VulnerabilityJson.OptionalTime(tracking.InitialReleaseDate, file, "/document/tracking/initial_release_date"),
            Aliases = [.. new[] { v.Cve }.Concat(otherIds).OfType<string>().Distinct(StringComparer.Ordinal)],
            Summary = v.Title ?? document.Title,
            Details = Details(v.Notes),
            Language = Language(document.Lang),
            Severity = [.. (v.Scores ?? []).Select(s => s.CvssV3?.VectorString).OfType<string>().Select(s => new SeverityScore("CVSS_V3", s))
                .Concat((v.Scores ?? []).Select(s => s.CvssV2?.VectorString).OfType<string>().Select(s => new SeverityScore("CVSS_V2", s)))
                .Distinct()],
            Cwes = v.Cwe?.Id is { } cwe ? [cwe] : [],
            References = [.. (v.References ?? []).Concat(document.References ?? []).Select(r => r.Url).OfType<string>().Distinct(StringComparer.Ordinal)],
            Affected = affected,
            Configurations = configurations,
        };
    }

    // A description says what the flaw is; a summary or details note comes next; other notes (legal, FAQ) are not it.
    private static readonly string[] DetailNotes = ["description", "summary", "details", "general"];

    private static string? Details(List<CsafNoteDto>? notes) =>
        DetailNotes.Select(c => notes?.FirstOrDefault(n => n.Category == c && !string.IsNullOrWhiteSpace(n.Text))?.Text)
            .FirstOrDefault(t => t is not null);

    // "en-US" → "en": the store keeps the language, not the region.
    private static string Language(string? lang) =>
        string.IsNullOrWhiteSpace(lang) ? "en" : lang.Split('-')[0].ToLowerInvariant();

    private static (AffectedPackage[] Packages, CpeConfiguration[] Configurations) Affected(CsafVulnerabilityDto v, ProductTree tree, Dictionary<string, CsafSkippedProduct> skipped)
    {
        var status = v.ProductStatus;
        var ids = (status?.KnownAffected ?? []).Concat(status?.FirstAffected ?? []).Concat(status?.LastAffected ?? []).Distinct(StringComparer.Ordinal);
        var packages = new Dictionary<(string Ecosystem, string Name), (PackageUrl Purl, List<string> Versions, List<AffectedRange> Ranges)>();
        var matches = new List<CpeMatch>();
        foreach (var productId in ids)
        {
            var product = tree.Resolve(productId);
            var reasons = new List<string>();
            var found = false;
            if (product?.Helper?.Purl is { } purlText)
                found |= AddPurl(purlText, product, packages, reasons);
            if (product?.Helper?.Cpe is { } cpeText)
                found |= AddCpe(cpeText, product, matches, reasons);
            if (product?.Helper is not { Purl: not null } and not { Cpe: not null })
                reasons.Add("no purl or CPE in its product identification helper");
            if (!found)
                skipped.TryAdd(productId, new CsafSkippedProduct(productId, string.Join("; ", reasons)));
        }
        AffectedPackage[] affected = [.. packages.Select(p => new AffectedPackage(p.Key.Ecosystem, p.Key.Name)
        {
            Purl = p.Value.Purl,
            Versions = [.. p.Value.Versions.Distinct(StringComparer.Ordinal)],
            Ranges = [.. p.Value.Ranges.Distinct()],
        })];
        CpeConfiguration[] configurations = matches.Count == 0 ? [] : [new CpeConfiguration(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false, [.. matches.Distinct()])])];
        return (affected, configurations);
    }

    private static bool AddPurl(string text, Product product, Dictionary<(string, string), (PackageUrl Purl, List<string> Versions, List<AffectedRange> Ranges)> packages, List<string> reasons)
    {
        if (!PackageUrl.TryParse(text, out var purl, out var error))
        {
            reasons.Add($"purl unreadable: {error}");
            return false;
        }
        if (!PackageNames.TryFromPurl(purl, out var package))
        {
            reasons.Add($"the purl type '{purl.Type}' has no OSV ecosystem");
            return false;
        }
        var versions = new List<string>();
        var ranges = new List<AffectedRange>();
        if (purl.Version is { Length: > 0 } own)
            versions.Add(own);
        else if (product.Version is { } branch)
            versions.Add(branch);
        else if (product.Range is { } range)
        {
            if (!VersRange.TryParse(range, out var vers, out var why))
            {
                reasons.Add(why!);
                return false;
            }
            versions.AddRange(vers!.Versions);
            if (vers.Events.Count > 0)
                ranges.Add(new AffectedRange(vers.Scheme == "semver" ? RangeType.Semver : RangeType.Ecosystem, vers.Events));
        }
        else
        {
            reasons.Add("the purl has no version and no product_version or product_version_range branch gives one");
            return false;
        }
        var key = (package.Ecosystem, package.Name);
        if (!packages.TryGetValue(key, out var entry))
            packages[key] = entry = (PackageUrl.Create(purl.Type, purl.Namespace, purl.Name), [], []);
        entry.Versions.AddRange(versions);
        entry.Ranges.AddRange(ranges);
        return true;
    }

    private static bool AddCpe(string text, Product product, List<CpeMatch> matches, List<string> reasons)
    {
        if (!Cpe.TryParse(text, out var cpe, out var error))
        {
            reasons.Add($"CPE unreadable: {error}");
            return false;
        }
        if (cpe.Version is not (Cpe.AnyValue or Cpe.NotApplicable or ""))
        {
            matches.Add(new CpeMatch(cpe, true));
            return true;
        }
        if (product.Version is { } branch)
        {
            matches.Add(new CpeMatch(JvnReader.WithVersion(cpe, branch), true));
            return true;
        }
        if (product.Range is { } range)
        {
            if (!VersRange.TryParse(range, out var vers, out var why))
            {
                reasons.Add(why!);
                return false;
            }
            var any = JvnReader.WithVersion(cpe, Cpe.AnyValue);
            matches.AddRange(vers!.Versions.Select(v => new CpeMatch(JvnReader.WithVersion(cpe, v), true)));
            // "vers:x/*" gives an interval without bounds: a version-less match, which the matcher refuses on its own.
            matches.AddRange(vers.Intervals().Select(r => new CpeMatch(any, true)
            {
                VersionStartIncluding = r.Start,
                VersionEndIncluding = r.EndIncluded ? r.End : null,
                VersionEndExcluding = r.EndIncluded ? null : r.End,
            }));
            return true;
        }
        reasons.Add("the CPE has no version and no product_version or product_version_range branch gives one");
        return false;
    }

    /// <summary>A product of the tree: its helper, and the version or range its branch names.</summary>
    private sealed record Product(string Id, CsafHelperDto? Helper, string? Version, string? Range);

    /// <summary>The product tree by product id; a relationship's product stands for its component (<c>product_reference</c>).</summary>
    private sealed class ProductTree
    {
        private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _components = new(StringComparer.Ordinal);

        public ProductTree(CsafProductTreeDto? tree)
        {
            foreach (var branch in tree?.Branches ?? [])
                Walk(branch, null, null);
            foreach (var p in tree?.FullProductNames ?? [])
                Add(p, null, null);
            foreach (var r in tree?.Relationships ?? [])
            {
                if (r.FullProductName?.ProductId is { } id && r.ProductReference is { } component)
                    _components.TryAdd(id, component);
            }
        }

        private void Walk(CsafBranchDto branch, string? version, string? range)
        {
            // The nearest product_version or product_version_range branch names the version of what lies below it.
            (version, range) = branch.Category switch
            {
                "product_version" => (branch.Name, null),
                "product_version_range" => (null, branch.Name),
                _ => (version, range),
            };
            if (branch.Product is { } product)
                Add(product, version, range);
            foreach (var child in branch.Branches ?? [])
                Walk(child, version, range);
        }

        private void Add(CsafProductDto product, string? version, string? range)
        {
            if (product.ProductId is { } id)
                _products.TryAdd(id, new Product(id, product.Helper, version, range));
        }

        /// <summary>The product an id names, a relationship followed to its component (a cycle ends the walk).</summary>
        public Product? Resolve(string id)
        {
            for (var hops = 0; hops < 16 && _components.TryGetValue(id, out var component); hops++)
                id = component;
            return _products.GetValueOrDefault(id);
        }
    }
}
