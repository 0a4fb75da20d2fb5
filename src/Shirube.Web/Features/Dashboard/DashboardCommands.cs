using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Dashboard;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Dashboard;

/// <summary>
/// Ticks a newcomer's first steps. They are kept per user in Identity's user-token table (one row, the steps as text),
/// which needs no table of its own and never travels in the sign-in cookie; the audit log records the change.
/// </summary>
internal sealed class DashboardCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    internal const string Provider = "Shirube";
    internal const string Name = "FirstSteps";

    /// <summary>Ticks <paramref name="step"/> for the signed-in user; nothing for anonymous visitors or a step already ticked.</summary>
    public async Task TickAsync(FirstStep step)
    {
        if (actor.UserId is not { } userId)
            return;
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.UserTokens.SingleOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == Name);
        var steps = FirstSteps.Parse(row?.Value);
        if (steps.Done.Contains(step))
            return;
        var text = steps.With(step).ToString();
        if (row is null)
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = Name, Value = text });
        else
            row.Value = text;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same user ticked a step in another tab at the same moment: the next visit ticks it again.
        }
    }
}
