using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Guidelines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Web.Features.Guidelines;

/// <summary>
/// The catalog everyone reads: the shipped guidelines plus the users' imports, read once and again after each
/// import. A stored import that no longer reads is logged and left out rather than stopping the app.
/// </summary>
internal sealed partial class CatalogProvider(IServiceScopeFactory scopes, ILogger<CatalogProvider> logger)
{
    private readonly Catalog _bundled = BundledCatalog.Load();
    private readonly Lock _lock = new();
    private Catalog? _current;

    public Catalog Bundled => _bundled;

    public Catalog Current
    {
        get
        {
            lock (_lock)
                return _current ??= Load();
        }
    }

    /// <summary>Reads the imports again (after an import or a removal).</summary>
    public void Refresh()
    {
        lock (_lock)
            _current = Load();
    }

    private Catalog Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShirubeDbContext>();
        var imported = new List<Guideline>();
        foreach (var stored in db.ImportedCatalogs.AsNoTracking().OrderBy(c => c.Id).ToList())
        {
            try
            {
                imported.Add(Read(stored));
            }
            catch (OscalFormatException e)
            {
                ImportUnreadable(logger, stored.Id, e.Message);
            }
        }
        return _bundled.With(imported);
    }

    internal static Guideline Read(ImportedCatalog stored) => OscalCatalogReader.Read(stored.Content, $"{stored.Id} (imported)", stored.Id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The imported catalog {Id} cannot be read any more and is left out: {Reason}")]
    private static partial void ImportUnreadable(ILogger logger, string id, string reason);
}
