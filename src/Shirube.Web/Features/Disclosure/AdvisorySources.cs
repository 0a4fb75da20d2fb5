using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Formats.Disclosure;

namespace Shirube.Web.Features.Disclosure;

/// <summary>
/// The settings under Shirube:Disclosure: the publisher's Name, Namespace (a URL) and ContactDetails, the tracking id
/// Prefix (default SHIRUBE-SA), and PublicUrl, the https origin the documents are served from (their self references).
/// </summary>
internal sealed record DisclosureSettings(string PublisherName, Uri Namespace, string? ContactDetails, string Prefix, Uri PublicUrl)
{
    public static DisclosureSettings FromConfiguration(IConfiguration config)
    {
        var section = config.GetSection("Shirube:Disclosure");
        var origin = (config["Urls"] ?? "http://localhost").Split(';')[0];
        var publicUrl = new Uri(section["PublicUrl"] ?? origin);
        return new DisclosureSettings(section["PublisherName"] ?? "Shirube PSIRT", new Uri(section["Namespace"] ?? publicUrl.GetLeftPart(UriPartial.Authority)),
            section["ContactDetails"], section["Prefix"] ?? TrackingId.DefaultPrefix, publicUrl);
    }

    public DocumentPublisher Publisher => new(PublisherName, Namespace, ContactDetails);

    /// <summary>
    /// Where the advisory's document in <paramref name="language"/> will be served:
    /// /.well-known/csaf/&lt;tlp&gt;/&lt;year of the first release&gt;/&lt;file of the language's tracking id&gt;.
    /// </summary>
    public Uri SelfUrl(Advisory advisory, string language, DateTime now) => new(PublicUrl, string.Create(CultureInfo.InvariantCulture,
        $"/.well-known/csaf/{(advisory.Tlp == TlpLabel.Clear ? "white" : advisory.Tlp.ToString().ToLowerInvariant())}/{(advisory.Revisions.Count > 0 ? advisory.Revisions[0].Date : now).Year}/{AdvisoryComposer.FileName(AdvisoryComposer.DocumentTrackingId(advisory.TrackingId, language))}"));
}

/// <summary>The CSAF documents of an advisory in both languages, made from its case and the portfolio as they are now.</summary>
internal sealed record AdvisoryDocuments(AdvisoryDocument Ja, AdvisoryDocument En)
{
    public AdvisoryDocument In(string language) => language == "ja" ? Ja : En;

    /// <summary>
    /// Reads what the documents need (the case, its product, the unit's names, the versions' SBOM subject components)
    /// through the actor's unit filter, and composes them.
    /// </summary>
    public static async Task<AdvisoryDocuments> ComposeAsync(ShirubeDbContext db, Advisory advisory, VulnerabilityCase c, DisclosureSettings settings,
        DocumentStatus status, DateTime now)
    {
        var product = await ProductFactsAsync(db, c);
        return new AdvisoryDocuments(
            AdvisoryComposer.Compose(advisory, c, product, settings.Publisher, "ja", status, now, settings.SelfUrl(advisory, "ja", now)),
            AdvisoryComposer.Compose(advisory, c, product, settings.Publisher, "en", status, now, settings.SelfUrl(advisory, "en", now)));
    }

    /// <summary>The validator's verdict on a document as the writer writes it, named as its language's file of the advisory <paramref name="trackingId"/>.</summary>
    public static (byte[] Json, CsafReport Report) WriteAndValidate(AdvisoryDocument document, string trackingId)
    {
        var json = CsafWriter.Write(document);
        return (json, CsafValidator.Validate(json, AdvisoryComposer.FileName(AdvisoryComposer.DocumentTrackingId(trackingId, document.Language))));
    }

    private static async Task<ProductFacts> ProductFactsAsync(ShirubeDbContext db, VulnerabilityCase c)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == c.ProductId)
            ?? throw AdvisoryErrors.CaseWithoutProduct().Exception();
        var unit = await db.BusinessUnits.AsNoTracking().SingleAsync(u => u.Id == product.BusinessUnitId);
        var subjects = await SbomStore.SubjectsAsync(db, [.. product.Versions.Select(v => v.Id)]);
        return new ProductFacts(unit.NameJa, unit.NameEn, product.Name,
        [
            .. product.Versions.Select(v => subjects.TryGetValue(v.Id, out var s)
                ? new VersionFacts(v.Id, v.Version, s.Purl, s.Cpe)
                : new VersionFacts(v.Id, v.Version)),
        ]);
    }
}
