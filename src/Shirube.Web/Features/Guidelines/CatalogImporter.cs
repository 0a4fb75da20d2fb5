using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Guidelines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Web.Features.Guidelines;

/// <summary>The outcome of an import: the guideline, or why not (and which HTTP status says so).</summary>
internal sealed record ImportOutcome(Guideline? Guideline, string? Error, int Status, bool Replaced);

/// <summary>Imports an OSCAL catalog as a guideline: all or nothing; used by the API and the page alike.</summary>
internal static class CatalogImporter
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const string Format = "oscal-catalog-json";

    public static async Task<ImportOutcome> ImportAsync(string json, string? id, ShirubeDbContext db, CatalogProvider catalogs, TimeProvider clock, CancellationToken ct)
    {
        Guideline guideline;
        try
        {
            guideline = OscalCatalogReader.Read(json, "the uploaded catalog", string.IsNullOrWhiteSpace(id) ? null : id.Trim());
        }
        catch (OscalFormatException e)
        {
            return new ImportOutcome(null, e.Message, StatusCodes.Status400BadRequest, false);
        }
        if (catalogs.Bundled.Find(guideline.Id) is not null)
            return new ImportOutcome(null, $"'{guideline.Id}' is a shipped guideline; import under another id (?id=...).", StatusCodes.Status409Conflict, false);

        var stored = await db.ImportedCatalogs.SingleOrDefaultAsync(c => c.Id == guideline.Id, ct).ConfigureAwait(false);
        var replaced = stored is not null;
        if (stored is null)
        {
            stored = new ImportedCatalog { Id = guideline.Id, Title = guideline.Name.En, Format = Format, Content = json, ImportedBy = db.Actor.UserName };
            db.ImportedCatalogs.Add(stored);
        }
        stored.Title = guideline.Name.En;
        stored.Content = json;
        stored.Requirements = guideline.Requirements.Count;
        stored.ImportedAt = clock.GetUtcNow().UtcDateTime;
        stored.ImportedBy = db.Actor.UserName;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        catalogs.Refresh();
        return new ImportOutcome(guideline, null, replaced ? StatusCodes.Status200OK : StatusCodes.Status201Created, replaced);
    }

    public static async Task<bool> RemoveAsync(string id, ShirubeDbContext db, CatalogProvider catalogs, CancellationToken ct)
    {
        var stored = await db.ImportedCatalogs.SingleOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (stored is null)
            return false;
        db.ImportedCatalogs.Remove(stored);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        catalogs.Refresh();
        return true;
    }
}
