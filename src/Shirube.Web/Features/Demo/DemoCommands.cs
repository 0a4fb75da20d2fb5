using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Formats.Portfolio;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Demo;

/// <summary>The refusals of the example portfolio as codes; <c>Error.Demo.*</c> holds their texts.</summary>
internal static class DemoErrors
{
    private const string Prefix = "Demo";

    /// <summary>A business unit of the example's codes exists already, so the example is not loaded.</summary>
    public static DomainError CodeTaken() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>Products of the users' own are in the example's units, so the example is not removed.</summary>
    public static DomainError OwnProducts() => DomainError.Conflict(DomainError.CodeOf(Prefix));
}

/// <summary>Loads and removes the example portfolio (administrators and PSIRT managers); the dashboard and the API share it.</summary>
internal sealed class DemoCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    /// <summary>Loads the example portfolio (<c>Demo.CodeTaken</c> when one of its unit codes is in use).</summary>
    public async Task<DemoResult> LoadAsync()
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync();
        try
        {
            return await DemoLoader.LoadAsync(db, DemoPortfolio.Load());
        }
        catch (InvalidOperationException)
        {
            // The loader refuses one way only: a unit code of the example is taken.
            throw DemoErrors.CodeTaken().Exception();
        }
    }

    /// <summary>Removes the example portfolio again (<c>Demo.OwnProducts</c> when users added products to its units).</summary>
    public async Task<DemoResult> RemoveAsync()
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync();
        try
        {
            return await DemoLoader.RemoveAsync(db);
        }
        catch (InvalidOperationException)
        {
            // The loader refuses one way only: products of the users' own are in the example's units.
            throw DemoErrors.OwnProducts().Exception();
        }
    }
}
