using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Guidelines;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Guidelines;

/// <summary>An imported guideline, and whether it replaced an earlier import of the same id.</summary>
internal sealed record ImportedGuideline(Guideline Guideline, GuidelineSummaryDto Summary, bool Replaced);

/// <summary>
/// Changes to the catalog, shared by the API and the guideline list: OSCAL catalogs imported as guidelines (all or
/// nothing) and removed again, by administrators and PSIRT managers.
/// </summary>
internal sealed class GuidelineCommands(IDbContextFactory<ShirubeDbContext> contexts, CatalogProvider catalogs, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The largest OSCAL catalog accepted.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>How imports are stored.</summary>
    public const string Format = "oscal-catalog-json";

    /// <summary>
    /// Imports an OSCAL catalog (JSON, UTF-8) as a guideline; <paramref name="id"/> names it, else the catalog does.
    /// Importing the same id again replaces it; a shipped guideline's id is refused.
    /// </summary>
    public async Task<ImportedGuideline> ImportAsync(Stream content, long? length, string? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        actor.Require(Roles.SeeAllUnits);
        Guard.That(length is null or <= MaxBytes, GuidelineErrors.CatalogTooLarge(MaxBytes));
        string json;
        using (var reader = new StreamReader(content, System.Text.Encoding.UTF8))
            json = await reader.ReadToEndAsync(ct);
        Guideline guideline;
        try
        {
            guideline = OscalCatalogReader.Read(json, "the uploaded catalog", string.IsNullOrWhiteSpace(id) ? null : id.Trim());
        }
        catch (OscalFormatException e)
        {
            throw GuidelineErrors.UnreadableCatalog(e.Message).Exception();
        }
        Guard.That(catalogs.Bundled.Find(guideline.Id) is null, () => GuidelineErrors.ShippedGuideline(guideline.Id));

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.ImportedCatalogs.SingleOrDefaultAsync(c => c.Id == guideline.Id, ct);
        var replaced = stored is not null;
        if (stored is null)
        {
            stored = new ImportedCatalog { Id = guideline.Id, Title = guideline.Name.En, Format = Format, Content = json, ImportedBy = actor.UserName };
            db.ImportedCatalogs.Add(stored);
        }
        stored.Title = guideline.Name.En;
        stored.Content = json;
        stored.Requirements = guideline.Requirements.Count;
        stored.ImportedAt = clock.GetUtcNow().UtcDateTime;
        stored.ImportedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        catalogs.Refresh();
        return new ImportedGuideline(guideline, GuidelineViews.Summary(guideline), replaced);
    }

    /// <summary>Removes an imported guideline; shipped guidelines cannot be removed.</summary>
    public async Task RemoveAsync(string id, CancellationToken ct)
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.ImportedCatalogs.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw GuidelineErrors.ImportNotFound(id).Exception();
        db.ImportedCatalogs.Remove(stored);
        await db.SaveChangesAsync(ct);
        catalogs.Refresh();
    }
}
