using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Domain.Accounts;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Psirt;
using Shirube.Formats.Portfolio;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Demo;

/// <summary>
/// Loads and removes the example portfolio (administrators and PSIRT managers), for the API and the dashboard; the
/// example is written as the signed-in actor, and the audit log records it as any change.
/// </summary>
internal sealed class DemoCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, Catalog catalog, PsirtFramework framework)
{
    /// <summary>
    /// Loads the example portfolio: two business units, five products in fields A–E with their baselines and assessed
    /// versions, cases, an incident, a maturity self-assessment, stakeholders and a course; nothing when it is there already.
    /// </summary>
    public async Task<DemoResult> LoadAsync()
    {
        actor.Require(Roles.SeeAllUnits);
        await using var db = await contexts.CreateDbContextAsync();
        try
        {
            return await DemoLoader.LoadAsync(db, DemoPortfolio.Load(), catalog, framework);
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

    private static Domain.DomainError Refusal(DemoRefusedException e) => e.Refusal switch
    {
        DemoRefusal.UnitCodeTaken => DemoErrors.UnitCodeTaken(e.UnitCode ?? string.Empty),
        DemoRefusal.OwnProductsInExampleUnits => DemoErrors.OwnProductsInExampleUnits(),
        DemoRefusal.OwnBaselinesInheritExample => DemoErrors.OwnBaselinesInheritExample(),
        DemoRefusal.OwnCasesOnExample => DemoErrors.OwnCasesOnExample(),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Refusal, null),
    };
}
