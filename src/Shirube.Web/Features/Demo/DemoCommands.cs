using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Domain.Accounts;
using Shirube.Formats.Portfolio;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Demo;

/// <summary>Loads and removes the example portfolio (administrators and PSIRT managers), for the API and the dashboard.</summary>
internal sealed class DemoCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    /// <summary>Loads the example portfolio: two business units, five products in fields A–E; nothing when it is there already.</summary>
    public async Task<DemoResult> LoadAsync()
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync();
        try
        {
            return await DemoLoader.LoadAsync(db, DemoPortfolio.Load());
        }
        catch (DemoRefusedException e)
        {
            throw Refusal(e).Exception();
        }
    }

    /// <summary>Removes the example portfolio again.</summary>
    public async Task<DemoResult> RemoveAsync()
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync();
        try
        {
            return await DemoLoader.RemoveAsync(db);
        }
        catch (DemoRefusedException e)
        {
            throw Refusal(e).Exception();
        }
    }

    private static Domain.DomainError Refusal(DemoRefusedException e) =>
        e.UnitCode is { } code ? DemoErrors.UnitCodeTaken(code) : DemoErrors.OwnProductsInExampleUnits();
}
