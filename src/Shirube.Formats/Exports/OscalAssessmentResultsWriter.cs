using System.Globalization;
using System.Text.Json;
using Shirube.Domain.Assessments;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports.Dto;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Exports;

/// <summary>
/// Writes the assessment of a product version against its baseline as OSCAL assessment results (JSON,
/// <c>{"assessment-results": {...}}</c>) in one language. Valid against the OSCAL 1.0.6 assessment-results schema,
/// nothing that 1.1 removed; deterministic for the same document, language and timestamp.
/// </summary>
/// <remarks>
/// <para>
/// <c>import-ap</c>: Shirube keeps no OSCAL assessment plan; the assessment follows the baseline. So the
/// <c>href</c> points (<c>#uuid</c>) to a back-matter resource that says so and links the baseline's OSCAL profile
/// (<see cref="OscalProfileWriter.FileName"/>), which plays the plan's part: it names the controls and levels.
/// </para>
/// <para>
/// One result: start and end from the assessment, <c>reviewed-controls</c> with the control id of every included
/// line (as <see cref="OscalCatalogWriter.ControlIds"/> and the profile have them), and per assessed line an
/// observation (the evidence text, links and file names as relevant evidence; the assessor as the origin, a party in
/// the metadata) and a finding whose target is the control as a whole (<c>objective-id</c> = control id: Shirube
/// assesses a requirement, not its statement items).
/// </para>
/// <para>
/// Status: implemented → <c>satisfied</c> (reason pass); partial and not implemented → <c>not-satisfied</c> (reason
/// fail); not applicable → <c>satisfied</c> with reason <c>other</c> and implementation status <c>not-applicable</c>
/// and the justification as remarks, because a requirement that does not apply is no gap (it is left out of the
/// shares). The implementation status also says <c>implemented</c> or <c>partial</c>; OSCAL has no term for "not
/// implemented", so there it is left out. Shirube's own status and the line's level are props in
/// <see cref="OscalCatalogWriter.ShirubeNamespace"/> (<c>status</c>, <c>baseline-level</c>), as are the shares and the actual level.
/// </para>
/// </remarks>
public static class OscalAssessmentResultsWriter
{
    /// <summary>The media type of an OSCAL profile in JSON.</summary>
    public const string ProfileMediaType = "application/oscal.profile+json";

    /// <summary>Writes the assessment results.</summary>
    /// <param name="doc">The baseline with its assessment.</param>
    /// <param name="language">"en" or "ja" (a tag such as "ja-JP" is also accepted).</param>
    /// <param name="now">The value of <c>metadata.last-modified</c>, written in UTC.</param>
    /// <param name="catalog">The catalog the baseline's guidelines come from (for the control ids).</param>
    /// <returns>The OSCAL assessment results as indented JSON text, ending with a newline.</returns>
    /// <exception cref="ArgumentException">
    /// The document has no assessment, the language is neither English nor Japanese, a timestamp is outside the years
    /// OSCAL accepts, or a line's guideline or requirement is not in the catalog.
    /// </exception>
    public static string Write(BaselineDocument doc, string language, DateTimeOffset now, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(catalog);
        var lang = BaselineText.Language(language, nameof(language));
        var assessment = doc.Assessment ?? throw new ArgumentException("The document has no assessment to export.", nameof(doc));
        var lastModified = OscalExport.Timestamp(now);
        var controlIds = OscalExport.ControlIds(doc, catalog, now);
        var included = doc.Lines.Where(l => !l.Excluded).ToList();
        var scope = $"assessment/{assessment.Id:D}/{lang}";

        var assessors = included.Select(l => l.Result?.Assessor).OfType<string>().Where(a => OscalExport.Clean(a) is not null)
            .Distinct(StringComparer.Ordinal).ToList();
        string PartyUuid(string assessor) => OscalExport.Uuid($"party/{assessor}");

        var observations = new List<ObservationDto>();
        var findings = new List<FindingDto>();
        foreach (var line in included)
        {
            if (line.Result is not { } r)
                continue;
            var controlId = controlIds[line.Key];
            var observationUuid = OscalExport.Uuid($"{scope}/observation/{line.Key}");
            var origins = OscalExport.Clean(r.Assessor) is null ? null : new List<OriginDto> { new([new OriginActorDto("party", PartyUuid(r.Assessor))]) };
            var label = $"{line.RequirementId} {line.Title.In(lang)}";
            var status = BaselineText.Status(r.Status, lang);

            observations.Add(new ObservationDto(
                Uuid: observationUuid,
                Title: label,
                Description: r.Evidence ?? r.Justification ?? status,
                Props: null,
                Methods: ["EXAMINE"],
                Types: null,
                Origins: origins,
                RelevantEvidence: OscalExport.List(Evidence(r)),
                Collected: OscalExport.Timestamp(r.AssessedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                Remarks: null));

            var (state, reason, implementation) = r.Status switch
            {
                ImplementationStatus.Implemented => ("satisfied", "pass", "implemented"),
                ImplementationStatus.Partial => ("not-satisfied", "fail", "partial"),
                ImplementationStatus.NotImplemented => ("not-satisfied", "fail", (string?)null),
                ImplementationStatus.NotApplicable => ("satisfied", "other", "not-applicable"),
                _ => throw new ArgumentOutOfRangeException(nameof(doc), r.Status, "Unknown implementation status."),
            };
            findings.Add(new FindingDto(
                Uuid: OscalExport.Uuid($"{scope}/finding/{line.Key}"),
                Title: label,
                Description: r.Justification is { } j ? $"{status}: {j}" : status,
                Props: OscalExport.List(
                [
                    OscalExport.Ours("line", line.Key),
                    OscalExport.Ours("guideline-id", line.GuidelineId),
                    OscalExport.Ours("requirement-id", line.RequirementId),
                    OscalExport.Ours(OscalProfileWriter.LevelProp, BaselineText.LevelCode(line.Level)),
                    OscalExport.Ours("status", BaselineText.StatusId(r.Status)),
                ]),
                Origins: origins,
                Target: new FindingTargetDto(
                    Type: "objective-id",
                    TargetId: controlId,
                    Title: line.Title.In(lang),
                    Props: null,
                    Status: new TargetStatusDto(state, reason, null),
                    ImplementationStatus: implementation is null ? null : new ImplementationStatusDto(implementation, null),
                    Remarks: r.Justification),
                RelatedObservations: [new RelatedObservationDto(observationUuid)],
                Remarks: null));
        }

        var result = new ResultDto(
            Uuid: OscalExport.Uuid($"{scope}/result"),
            Title: $"{doc.Product?.Name ?? doc.Name} {assessment.ProductVersion}",
            Description: lang == "ja"
                ? $"{doc.Name}（{BaselineText.VersionText(doc, lang)}）に対する {assessment.ProductVersion} の評価。"
                : $"Assessment of {assessment.ProductVersion} against {doc.Name} ({BaselineText.VersionText(doc, lang)}).",
            Start: OscalExport.Timestamp(assessment.Started),
            End: assessment.Completed is { } completed ? OscalExport.Timestamp(completed) : null,
            Props: OscalExport.List(ResultProps(doc, assessment)),
            ReviewedControls: new ReviewedControlsDto(
            [
                new ControlSelectionDto(
                    lang == "ja" ? "ベースラインに含まれる要求事項（対象外としたものを除く）" : "The requirements of the baseline, less those left out",
                    OscalExport.List(included.Select(l => controlIds[l.Key]).Distinct(StringComparer.Ordinal).Select(id => new SelectControlDto(id)))),
            ]),
            Observations: OscalExport.List(observations),
            Findings: OscalExport.List(findings),
            Remarks: null);

        var plan = OscalExport.Uuid($"{scope}/assessment-plan");
        var metadata = new MetadataDto(
            Title: lang == "ja" ? $"評価結果: {doc.Name} — {assessment.ProductVersion}" : $"Assessment results: {doc.Name} — {assessment.ProductVersion}",
            Published: null,
            LastModified: lastModified,
            Version: assessment.Completed is null ? "in-progress" : "final",
            OscalVersion: OscalCatalogWriter.OscalVersion,
            Props: OscalExport.List([OscalExport.Ours("baseline-id", doc.Id.ToString("D")), OscalExport.Ours("assessment-id", assessment.Id.ToString("D"))]),
            Links: null,
            Parties: OscalExport.List(assessors.Select(a => new PartyDto(PartyUuid(a), "person", OscalExport.Clean(a)))
                .Prepend(new PartyDto(OscalExport.Uuid($"party/organisation/{doc.Organisation}"), "organization", OscalExport.Clean(doc.Organisation)))),
            ResponsibleParties: null,
            Remarks: null);

        var document = new AssessmentResultsDto(
            Uuid: OscalExport.Uuid($"{scope}/assessment-results"),
            Metadata: metadata,
            ImportAp: new ImportApDto("#" + plan, lang == "ja"
                ? "Shirube は評価計画を別に持たない。評価はベースラインに従うので、バックマターのこの資源はベースラインの OSCAL プロファイルを指す。"
                : "Shirube keeps no separate assessment plan: the assessment follows the baseline, so this back-matter resource points to the baseline's OSCAL profile."),
            Results: [result],
            BackMatter: new BackMatterExportDto(
            [
                new ResourceExportDto(
                    Uuid: plan,
                    Title: lang == "ja" ? $"評価計画の代わり: {doc.Name} のプロファイル" : $"In place of an assessment plan: the profile of {doc.Name}",
                    Description: lang == "ja"
                        ? "評価の対象と各要求事項のレベルは、このベースラインの OSCAL プロファイルが定める。"
                        : "What was assessed, and at which level, is what the baseline's OSCAL profile says.",
                    Props: null,
                    Rlinks: [new ResourceLinkDto(OscalProfileWriter.FileName(doc, lang), ProfileMediaType)],
                    Base64: null,
                    Remarks: null),
            ]));
        return JsonSerializer.Serialize(new AssessmentResultsDocumentDto(document), OscalJson.Options) + "\n";
    }

    private static IEnumerable<RelevantEvidenceDto> Evidence(LineResult r)
    {
        if (r.Evidence is { } text && !string.IsNullOrWhiteSpace(text))
            yield return new RelevantEvidenceDto(null, text);
        foreach (var link in r.Links.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            // Only a well-formed absolute URI is a reference; anything else (a ticket number) stays text.
            var href = Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && Uri.IsWellFormedUriString(uri.AbsoluteUri, UriKind.Absolute) ? uri.AbsoluteUri : null;
            yield return new RelevantEvidenceDto(href, link);
        }
        foreach (var file in r.Files.Where(f => !string.IsNullOrWhiteSpace(f)))
            yield return new RelevantEvidenceDto(null, file);
    }

    private static IEnumerable<PropertyDto?> ResultProps(BaselineDocument doc, AssessmentInfo assessment)
    {
        yield return OscalExport.Ours("product-version", assessment.ProductVersion);
        yield return OscalExport.Ours("actual-level", assessment.ActualLevel is { } actual ? BaselineText.LevelCode(actual) : "none");
        if (doc.Product is { } product)
            yield return OscalExport.Ours("required-level", BaselineText.LevelCode(product.RequiredLevel));
        foreach (var level in BaselineText.Levels)
        {
            if (assessment.Shares.TryGetValue(level, out var share))
                yield return new PropertyDto("share-met", OscalCatalogWriter.ShirubeNamespace, share.ToString("0.####", CultureInfo.InvariantCulture), BaselineText.LevelCode(level));
        }
    }
}
