using System.Text;
using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports.Dto;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Exports;

/// <summary>
/// Writes a tailored baseline as an OSCAL profile (JSON, <c>{"profile": {...}}</c>) in one language: which
/// requirements of which guideline catalogs it takes, at which level, with which rewording. The output validates
/// against the OSCAL 1.0.6 profile schema and uses nothing OSCAL 1.1 removed; it is deterministic for the same
/// baseline, language and timestamp.
/// </summary>
/// <remarks>
/// <para>
/// Imports: one per source guideline with included lines. Its <c>href</c> is <c>#uuid</c> of a back-matter resource
/// whose <c>rlink</c> names the guideline's catalog as Shirube exports it (<see cref="CatalogFileName"/>, the file
/// name the guideline page and <c>GET /api/guidelines/{id}/oscal</c> give), so that a resolver given those files
/// (or an in-memory map of the rlinks) finds them. <c>include-controls/with-ids</c> lists the included lines' control
/// ids, exactly as <see cref="OscalCatalogWriter"/> writes them (<see cref="OscalCatalogWriter.ControlIds"/>);
/// enhancements are listed one by one, never pulled in with their parent. Lines left out are simply not listed.
/// </para>
/// <para>
/// Our own requirements (lines without a guideline) exist in no source catalog, so they are written as a small
/// catalog of their own (<see cref="OwnCatalog"/>, by <see cref="OscalCatalogWriter"/>) and embedded in the profile's
/// back matter as a base64 resource of media type <c>application/oscal.catalog+json</c>; the profile imports it by
/// <c>#uuid</c> like the others, which the profile-resolution specification allows for a resource with base64 content.
/// </para>
/// <para>
/// <c>merge</c> is <c>as-is</c> (the catalogs' own grouping). <c>modify/alters</c> add to every included control a
/// <c>baseline-level</c> property (MUST, SHOULD, BETTER) in <see cref="OscalCatalogWriter.ShirubeNamespace"/> and, where the
/// baseline rewords the title in this language, a <c>rewording</c> part in the same namespace whose prose is the
/// baseline's wording (the control's own title is left as the source has it).
/// </para>
/// <para>
/// Limitation: OSCAL control ids are unique per catalog, not across catalogs. When two imported guidelines have a
/// requirement with the same control id, a resolver sees a clash (its <c>combine</c> rule decides) and an alter
/// names both; the exports of the bundled catalogs keep such clashes rare (ids like 5.1-1 become <c>_5.1-1</c>).
/// </para>
/// </remarks>
public static class OscalProfileWriter
{
    /// <summary>The media type of an OSCAL catalog in JSON.</summary>
    public const string CatalogMediaType = "application/oscal.catalog+json";

    /// <summary>
    /// The name of the prop (in Shirube's namespace) that carries a line's level in the baseline: MUST, SHOULD or
    /// BETTER. Not "level": the catalogs already use that name for the source's own level (ETSI M/R, GSMA High...).
    /// </summary>
    public const string LevelProp = "baseline-level";

    /// <summary>The name of the part (in Shirube's namespace) that carries the baseline's rewording of a title.</summary>
    public const string RewordingPart = "rewording";

    /// <summary>The file name a guideline's OSCAL catalog is exported under: <c>etsi-en-303-645.ja.oscal-catalog.json</c>.</summary>
    /// <param name="guidelineId">The guideline id.</param>
    /// <param name="language">"en" or "ja".</param>
    public static string CatalogFileName(string guidelineId, string language) =>
        $"{guidelineId}.{BaselineText.Language(language, nameof(language))}.oscal-catalog.json";

    /// <summary>The file name of this export: <c>baseline-{id}-v3.ja.oscal-profile.json</c>.</summary>
    /// <param name="doc">The baseline.</param>
    /// <param name="language">"en" or "ja".</param>
    public static string FileName(BaselineDocument doc, string language)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return $"baseline-{doc.Id:D}-v{OscalExport.Version(doc)}.{BaselineText.Language(language, nameof(language))}.oscal-profile.json";
    }

    /// <summary>The back-matter resource UUID under which a guideline's catalog is imported.</summary>
    /// <param name="guidelineId">The guideline id.</param>
    /// <param name="language">"en" or "ja".</param>
    public static Guid CatalogResourceUuid(string guidelineId, string language) =>
        Guid.Parse(OscalExport.Uuid($"resource/catalog/{guidelineId}/{BaselineText.Language(language, nameof(language))}"));

    /// <summary>Writes the profile.</summary>
    /// <param name="doc">The baseline.</param>
    /// <param name="language">"en" or "ja" (a tag such as "ja-JP" is also accepted).</param>
    /// <param name="now">The value of <c>metadata.last-modified</c>, written in UTC.</param>
    /// <param name="catalog">The catalog the baseline's guidelines come from: control ids depend on every requirement of a guideline.</param>
    /// <returns>The OSCAL profile as indented JSON text, ending with a newline.</returns>
    /// <exception cref="ArgumentException">
    /// The language is neither English nor Japanese, the timestamp is outside the years OSCAL accepts, a line's
    /// guideline or requirement is not in the catalog, or two own requirements share an id.
    /// </exception>
    public static string Write(BaselineDocument doc, string language, DateTimeOffset now, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(catalog);
        var lang = BaselineText.Language(language, nameof(language));
        var lastModified = OscalExport.Timestamp(now);
        var controlIds = OscalExport.ControlIds(doc, catalog, now);
        var included = doc.Lines.Where(l => !l.Excluded).ToList();

        var imports = new List<ImportDto>();
        var resources = new List<ResourceExportDto>();
        var guidelineIds = doc.Guidelines.Select(g => g.Id)
            .Concat(included.Select(l => l.GuidelineId).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Where(id => included.Any(l => l.GuidelineId == id));
        foreach (var id in guidelineIds)
        {
            var resource = CatalogResourceUuid(id, lang).ToString("D");
            imports.Add(new ImportDto("#" + resource, [Select(included.Where(l => l.GuidelineId == id), controlIds)]));
            var source = doc.Guidelines.FirstOrDefault(g => g.Id == id);
            var guideline = catalog.Find(id)!;
            resources.Add(new ResourceExportDto(
                Uuid: resource,
                Title: source?.Title.In(lang) ?? guideline.Name.In(lang),
                Description: lang == "ja"
                    ? $"{guideline.ShortName} の OSCAL カタログ（Shirube のエクスポート、日本語）"
                    : $"The OSCAL catalog of {guideline.ShortName} as Shirube exports it (English).",
                Props: OscalExport.List([OscalExport.Ours("guideline-id", id), OscalExport.Ours("version", source?.Version ?? guideline.Version)]),
                Rlinks: [new ResourceLinkDto(CatalogFileName(id, lang), CatalogMediaType)],
                Base64: null,
                Remarks: null));
        }

        var ownIncluded = included.Where(l => l.GuidelineId is null).ToList();
        if (ownIncluded.Count > 0 && OwnCatalog(doc, lang, now) is { } ownJson)
        {
            var resource = OscalExport.Uuid($"resource/own/{OscalExport.OwnCatalogId(doc)}/{lang}");
            imports.Add(new ImportDto("#" + resource, [Select(ownIncluded, controlIds)]));
            resources.Add(new ResourceExportDto(
                Uuid: resource,
                Title: lang == "ja" ? $"{doc.Name} の独自要求事項" : $"Own requirements of {doc.Name}",
                Description: lang == "ja"
                    ? "このベースラインで追加した要求事項の OSCAL カタログ（base64 で埋め込み）。"
                    : "The OSCAL catalog of the requirements this baseline adds (embedded as base64).",
                Props: OscalExport.List([OscalExport.Ours("guideline-id", OscalExport.OwnCatalogId(doc))]),
                Rlinks: null,
                Base64: new Base64Dto(CatalogFileName(OscalExport.OwnCatalogId(doc), lang), CatalogMediaType, Convert.ToBase64String(Encoding.UTF8.GetBytes(ownJson))),
                Remarks: null));
        }
        if (imports.Count == 0)
            throw new ArgumentException("The baseline has no included line: an OSCAL profile needs at least one import.", nameof(doc));

        var alters = included.Select(line => Alter(line, controlIds[line.Key], lang, catalog)).ToList();
        var profile = new ProfileDto(
            Uuid: OscalExport.Uuid($"profile/{doc.Id:D}/v{OscalExport.Version(doc)}/{lang}"),
            Metadata: Metadata(doc, lang, lastModified),
            Imports: imports,
            Merge: new MergeDto(AsIs: true),
            Modify: new ModifyDto(alters),
            BackMatter: new BackMatterExportDto(resources));
        return JsonSerializer.Serialize(new ProfileDocumentDto(profile), OscalJson.Options) + "\n";
    }

    /// <summary>
    /// The catalog of the baseline's own requirements (lines without a guideline), as embedded in the profile; null
    /// when the baseline has none. Its control ids are the requirement ids made OSCAL tokens (<c>OWN-1</c> stays).
    /// </summary>
    /// <param name="doc">The baseline.</param>
    /// <param name="language">"en" or "ja".</param>
    /// <param name="now">The value of <c>metadata.last-modified</c>.</param>
    /// <returns>The catalog JSON text, or null.</returns>
    public static string? OwnCatalog(BaselineDocument doc, string language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var lang = BaselineText.Language(language, nameof(language));
        return OscalExport.OwnGuideline(doc, now) is { } own ? OscalCatalogWriter.Write(own, lang, now) : null;
    }

    private static SelectControlByIdDto Select(IEnumerable<BaselineLine> lines, Dictionary<string, string> controlIds) =>
        new(WithChildControls: null, WithIds: [.. lines.Select(l => controlIds[l.Key]).Distinct(StringComparer.Ordinal)]);

    private static AlterDto Alter(BaselineLine line, string controlId, string lang, Catalog catalog)
    {
        var parts = new List<PartDto>();
        var sourceTitle = line.GuidelineId is { } g ? catalog.Find(g)?.Find(line.RequirementId)?.Title : null;
        if (sourceTitle is not null && sourceTitle.In(lang) != line.Title.In(lang))
            parts.Add(new PartDto(null, RewordingPart, OscalCatalogWriter.ShirubeNamespace, null, null, null, line.Title.In(lang), null));
        return new AlterDto(controlId,
        [
            new AddDto("ending", [new PropertyDto(LevelProp, OscalCatalogWriter.ShirubeNamespace, BaselineText.LevelCode(line.Level), null)], OscalExport.List(parts)),
        ]);
    }

    private static MetadataDto Metadata(BaselineDocument doc, string lang, string lastModified)
    {
        var props = new List<PropertyDto?>
        {
            OscalExport.Ours("baseline-id", doc.Id.ToString("D")),
            OscalExport.Ours("organisation", doc.Organisation),
            OscalExport.Ours("product", doc.Product?.Name),
            OscalExport.Ours("field", doc.Field),
            OscalExport.Ours("required-level", doc.Product is { } p ? BaselineText.LevelCode(p.RequiredLevel) : null),
        };
        props.AddRange(doc.Parts.Select(p => OscalExport.Ours("iot-part", p.ToId())));
        props.AddRange((doc.Product?.Markets ?? []).Select(m => OscalExport.Ours("market", m)));
        var remarks = lang == "ja"
            ? $"{doc.Organisation} の製品セキュリティガイドライン（{BaselineText.VersionText(doc, lang)}）。レベルと言い換えは {OscalCatalogWriter.ShirubeNamespace} 名前空間のプロパティとパートで示す。"
            : $"Product security guideline of {doc.Organisation} ({BaselineText.VersionText(doc, lang)}). Levels and rewordings are props and parts in the {OscalCatalogWriter.ShirubeNamespace} namespace.";
        return new MetadataDto(
            Title: $"{BaselineText.Word("DocumentTitle", lang)}: {doc.Name}",
            Published: doc.PublishedAt is { } published ? OscalExport.Timestamp(published) : null,
            LastModified: lastModified,
            Version: OscalExport.Version(doc),
            OscalVersion: OscalCatalogWriter.OscalVersion,
            Props: OscalExport.List(props),
            Links: null,
            Parties: null,
            ResponsibleParties: null,
            Remarks: remarks);
    }
}
