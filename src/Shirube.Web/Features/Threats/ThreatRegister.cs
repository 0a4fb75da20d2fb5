using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Threats;
using Shirube.Web.Features.Assessments;

namespace Shirube.Web.Features.Threats;

/// <summary>A line of the product's baselines a countermeasure may link: its key, title and level.</summary>
internal sealed record LinkableLine(string Key, string Baseline, LocalizedText Title, RequirementLevel Level);

/// <summary>What the threat views and commands share: who may edit a product's threats, which baseline lines can be linked, the threats of a product.</summary>
internal static class ThreatRegister
{
    /// <summary>
    /// PSIRT roles edit every threat they see; a product owner edits the threats of the products that name them among
    /// their owners; auditors (and owners of other products) only read.
    /// </summary>
    public static bool CanEdit(ClaimsPrincipal user, Product product)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(product);
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PsirtManager) || user.IsInRole(Roles.PsirtAnalyst))
            return true;
        return user.IsInRole(Roles.ProductOwner) && user.Identity?.Name is { } name && product.Owners.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The included lines of every baseline of the product, one per key (the first baseline by name wins).</summary>
    public static async Task<IReadOnlyList<LinkableLine>> LinesAsync(ShirubeDbContext db, Catalog catalog, Guid productId)
    {
        var baselines = await db.Baselines.AsNoTracking().Include(b => b.Items).Where(b => b.ProductId == productId).OrderBy(b => b.Name).ToListAsync();
        return
        [
            .. baselines.SelectMany(b => b.Items.Where(i => !i.Excluded).Select(i => new LinkableLine(i.Key, b.Name,
                    AssessmentViews.Describe(SnapshotLine.Of(i), catalog).Title, i.Level)))
                .DistinctBy(l => l.Key),
        ];
    }

    /// <summary>The threats of a product with their countermeasures, in register order (part, then title).</summary>
    public static async Task<List<Threat>> OfProductAsync(ShirubeDbContext db, Guid productId) =>
        [.. (await db.Threats.AsNoTracking().Include(t => t.Countermeasures).Where(t => t.ProductId == productId).ToListAsync())
            .OrderBy(t => t.Part).ThenBy(t => t.Title, StringComparer.CurrentCulture)];
}
