using System.Globalization;
using System.Text;
using Shirube.Domain.Cases;
using Shirube.Domain.Packages;
using Shirube.Domain.Scoring;

namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>A product version as the portfolio knows it, with the purl and CPE of its SBOM's subject component when there is one.</summary>
public sealed record VersionFacts(Guid Id, string Version, string? Purl = null, string? Cpe = null);

/// <summary>The case's product as the portfolio knows it: its unit's name in both languages, its name and its versions.</summary>
public sealed record ProductFacts(string FamilyJa, string FamilyEn, string Name, IReadOnlyList<VersionFacts> Versions);

/// <summary>
/// Puts together the CSAF document of an advisory in one language from the advisory's texts, the case (CVE, CWE,
/// CVSS, affected and fixed versions, credit) and the portfolio (vendor → family → product → versions).
/// </summary>
public static class AdvisoryComposer
{
    /// <summary>The suffix of the Japanese document's tracking id: each language is a CSAF document of its own.</summary>
    public const string JapaneseSuffix = "-JA";

    /// <summary>
    /// The CSAF file name of a tracking id (CSAF 2.0 section 5.1): the id in lower case, each run of characters outside
    /// <c>[+\-a-z0-9]</c> replaced by one <c>_</c>, then <c>.json</c> (<c>RHSA-2019:1862</c> → <c>rhsa-2019_1862.json</c>).
    /// </summary>
    public static string FileName(string trackingId)
    {
        var name = new StringBuilder((trackingId?.Length ?? 0) + 5);
        var inRun = false;
        foreach (var c in (trackingId ?? "").ToLowerInvariant())
        {
            var kept = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '-';
            if (kept)
                name.Append(c);
            else if (!inRun)
                name.Append('_');
            inRun = !kept;
        }
        return name.Append(".json").ToString();
    }

    /// <summary>
    /// The tracking id of the advisory's document in <paramref name="language"/>: the advisory's own for English,
    /// with <see cref="JapaneseSuffix"/> for Japanese, so that the two documents have distinct ids and file names.
    /// </summary>
    public static string DocumentTrackingId(string trackingId, string language) =>
        language == "ja" ? trackingId + JapaneseSuffix : trackingId;

    /// <summary>
    /// The document in <paramref name="language"/> (ja or en): the published revisions plus the one being prepared
    /// (dated <paramref name="now"/>), with tracking status <paramref name="status"/>. Its tracking id is
    /// <see cref="DocumentTrackingId"/>; with <paramref name="selfUrl"/> (this language's document), the document also
    /// refers to the other language's document, the file of that name in the same folder.
    /// </summary>
    public static AdvisoryDocument Compose(Advisory advisory, VulnerabilityCase vulnerabilityCase, ProductFacts product, DocumentPublisher publisher,
        string language, DocumentStatus status, DateTime now, Uri? selfUrl)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        ArgumentNullException.ThrowIfNull(vulnerabilityCase);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(publisher);
        var t = Texts.For(language);
        var ja = t.Language == "ja";
        string? Pick(string? jaText, string? enText) => ja ? jaText : enText;

        var fixedIds = vulnerabilityCase.FixedVersions.ToHashSet();
        var affectedIds = vulnerabilityCase.AffectedVersions.Where(v => !fixedIds.Contains(v)).ToHashSet();
        var versions = product.Versions.Where(v => affectedIds.Contains(v.Id) || fixedIds.Contains(v.Id)).ToList();
        var affected = versions.Where(v => affectedIds.Contains(v.Id)).Select(v => Key(v.Id)).ToList();
        var fixes = versions.Where(v => fixedIds.Contains(v.Id)).ToList();

        var v3 = Cvss3Vector.TryParse(vulnerabilityCase.CvssVector, out var caseV3, out _) ? caseV3
            : Cvss3Vector.TryParse(advisory.Cvss31Vector, out var given, out _) ? given : null;
        var v4 = Cvss4Vector.TryParse(vulnerabilityCase.CvssVector, out var caseV4, out _) ? caseV4 : null;

        var remediations = new List<RemediationEntry>();
        var fixFor = affected.Count > 0 ? affected : [.. fixes.Select(f => Key(f.Id))];
        foreach (var fixedVersion in fixes)
        {
            var fix = advisory.Fixes.FirstOrDefault(f => f.VersionId == fixedVersion.Id);
            remediations.Add(new RemediationEntry(RemediationKind.VendorFix, t.UpdateTo(product.Name, fixedVersion.Version), fixFor, fix?.Url,
                fix?.Date is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null));
        }
        if (affected.Count > 0)
        {
            if (Pick(advisory.WorkaroundJa, advisory.WorkaroundEn) is { } workaround)
                remediations.Add(new RemediationEntry(RemediationKind.Workaround, workaround, affected));
            if (Pick(advisory.MitigationJa, advisory.MitigationEn) is { } mitigation)
                remediations.Add(new RemediationEntry(RemediationKind.Mitigation, mitigation, affected));
            if (remediations.Count == 0)
                remediations.Add(new RemediationEntry(RemediationKind.NoneAvailable, t.NoFixYet, affected));
        }

        var summary = Pick(advisory.SummaryJa, advisory.SummaryEn);
        var details = Pick(advisory.DetailsJa, advisory.DetailsEn) ?? summary ?? Pick(advisory.TitleJa, advisory.TitleEn)!;
        var vulnerabilityNotes = new List<DocumentNote> { new(NoteKind.Description, t.Description, details) };
        var vulnerabilityReferences = new List<DocumentReference>();
        if (v4 is not null)
        {
            var score = v4.Score();
            vulnerabilityNotes.Add(new DocumentNote(NoteKind.Other, "CVSS v4.0", t.Cvss4(v4.ToString(), score.Score, Severity(t, score.Severity))));
            vulnerabilityReferences.Add(new DocumentReference(new Uri("https://www.first.org/cvss/calculator/4.0#" + v4), t.Cvss4Calculator));
        }
        if (vulnerabilityCase.CveId is { } cve)
            vulnerabilityReferences.Add(new DocumentReference(new Uri("https://www.cve.org/CVERecord?id=" + cve), cve));

        var published = advisory.Revisions.Select(r => new DocumentRevision(r.Number, Utc(r.Date), ja ? r.SummaryJa : r.SummaryEn));
        var pending = advisory.Pending(now);
        var revisions = published.Append(new DocumentRevision(pending.Number, Utc(pending.Date), (ja ? pending.SummaryJa : pending.SummaryEn) ?? t.DraftRevision)).ToList();

        var documentNotes = new List<DocumentNote>();
        if (summary is not null)
            documentNotes.Add(new DocumentNote(NoteKind.Summary, t.Summary, summary));
        var headline = v3?.Score() ?? v4?.Score();

        return new AdvisoryDocument
        {
            Category = DocumentCategory.SecurityAdvisory,
            Language = t.Language,
            Publisher = publisher,
            TrackingId = DocumentTrackingId(advisory.TrackingId, t.Language),
            Status = status,
            Revisions = revisions,
            Tlp = advisory.Tlp,
            Title = Pick(advisory.TitleJa, advisory.TitleEn)!,
            Notes = documentNotes,
            SelfUrl = selfUrl,
            References = selfUrl is null ? [] :
            [
                new DocumentReference(new Uri(selfUrl, FileName(DocumentTrackingId(advisory.TrackingId, ja ? "en" : "ja"))), t.OtherLanguage),
            ],
            Products = versions.Count == 0 ? [] :
            [
                new ProductEntry(publisher.Name, ja ? product.FamilyJa : product.FamilyEn, product.Name,
                    [.. versions.Select(v => Version(v))]),
            ],
            Vulnerabilities =
            [
                new VulnerabilityEntry
                {
                    Cve = vulnerabilityCase.CveId,
                    CweId = advisory.CweName is null ? null : vulnerabilityCase.Cwe,
                    CweName = vulnerabilityCase.Cwe is null ? null : advisory.CweName,
                    Notes = vulnerabilityNotes,
                    Cvss3Vector = v3?.ToString(),
                    Statuses = [.. affected.Select(k => new StatusEntry(k, ProductState.KnownAffected)),
                        .. fixes.Select(f => new StatusEntry(Key(f.Id), ProductState.Fixed))],
                    Remediations = remediations,
                    Impact = affected.Count == 0 ? null : Pick(advisory.ImpactJa, advisory.ImpactEn),
                    Acknowledgments = advisory.Acknowledgment is { } thanks ? [thanks] : [],
                    ReleaseDate = revisions[0].Date,
                    References = vulnerabilityReferences,
                },
            ],
            AggregateSeverity = headline is null ? null : Severity(t, headline.Severity),
            GeneratedAt = Utc(now),
        };
    }

    /// <summary>The key by which statuses and remediations refer to a version.</summary>
    public static string Key(Guid versionId) => versionId.ToString("N", CultureInfo.InvariantCulture);

    private static VersionEntry Version(VersionFacts v)
    {
        var purl = v.Purl is { } text && PackageUrl.TryParse(text, out var parsed)
            ? (parsed.Version is null ? PackageUrl.Create(parsed.Type, parsed.Namespace, parsed.Name, v.Version,
                parsed.Qualifiers.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)), parsed.Subpath) : parsed).ToString()
            : null;
        var cpe = string.IsNullOrWhiteSpace(v.Cpe) ? null : v.Cpe;
        return new VersionEntry(Key(v.Id), v.Version, purl, cpe, purl is null && cpe is null ? new Uri("urn:uuid:" + v.Id.ToString("D", CultureInfo.InvariantCulture)) : null);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static string Severity(Texts t, CvssSeverity severity) => t.Language == "ja"
        ? severity switch { CvssSeverity.Critical => "緊急", CvssSeverity.High => "重要", CvssSeverity.Medium => "警告", CvssSeverity.Low => "注意", _ => "なし" }
        : severity.ToString();

    /// <summary>The few fixed phrases of a document, in its language.</summary>
    private sealed record Texts(string Language, string Summary, string Description, string NoFixYet, string DraftRevision, string Cvss4Calculator,
        string OtherLanguage)
    {
        private static readonly Texts Ja = new("ja", "概要", "詳細", "現時点で修正版はありません。", "ドラフト", "CVSS v4.0 計算機",
            "このアドバイザリの英語版 (English version)");
        private static readonly Texts En = new("en", "Summary", "Details", "No fixed version is available yet.", "Draft", "CVSS v4.0 calculator",
            "This advisory in Japanese (日本語版)");

        public static Texts For(string? language) => language switch
        {
            "ja" => Ja,
            "en" => En,
            _ => throw AdvisoryErrors.UnknownLanguage(language).Exception(),
        };

        public string UpdateTo(string product, string version) => Language == "ja"
            ? $"{product} {version} にアップデートしてください。"
            : $"Update to {product} {version}.";

        // CSAF 2.0 scores only CVSS v2 and v3: a v4.0 vector is given as text.
        public string Cvss4(string vector, decimal score, string severity) => Language == "ja"
            ? string.Create(CultureInfo.InvariantCulture, $"CVSS v4.0 基本値 {score:0.0}（{severity}）: {vector}")
            : string.Create(CultureInfo.InvariantCulture, $"CVSS v4.0 score {score:0.0} ({severity}): {vector}");
    }
}
