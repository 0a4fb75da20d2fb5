using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Data.Components;

/// <summary>Sets a product version's findings from what the matcher found: the one rule the app and the CLI share.</summary>
public static class FindingStore
{
    /// <summary>What setting a version's findings did.</summary>
    /// <param name="Added">Findings new to the version.</param>
    /// <param name="Kept">Findings matched again (their triage stays).</param>
    /// <param name="Vanished">Findings no match finds any more, now resolved by absence.</param>
    public sealed record Outcome(int Added, int Kept, int Vanished);

    /// <summary>
    /// Sets the findings of version <paramref name="versionId"/> of <paramref name="productId"/> from
    /// <paramref name="matches"/>: new ones are added in triage; those found again keep their triage and take what the
    /// record says now; those no match finds any more are resolved by absence (kept with their history, and back in
    /// triage should they match again). A withdrawn record matches nothing, whatever a matcher says. The caller saves.
    /// </summary>
    public static async Task<Outcome> ApplyAsync(ShirubeDbContext db, Guid businessUnitId, Guid productId, Guid versionId,
        IReadOnlyList<ComponentMatch> matches, string by, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(matches);
        var existing = (await db.Findings.Where(f => f.ProductVersionId == versionId).ToListAsync(ct))
            .ToDictionary(f => (f.ComponentKey, f.VulnerabilityId));
        var seen = new HashSet<(string, string)>();
        int added = 0, kept = 0, vanished = 0;
        foreach (var match in matches.Where(m => !m.Record.IsWithdrawn))
        {
            var key = (Finding.KeyOf(match.Component), match.Record.Id);
            if (!seen.Add(key))
                continue;
            if (existing.TryGetValue(key, out var finding))
            {
                finding.Refresh(match, by, now);
                kept++;
            }
            else
            {
                db.Findings.Add(Finding.Detect(businessUnitId, productId, versionId, match, by, now));
                added++;
            }
        }
        foreach (var (key, finding) in existing)
        {
            if (seen.Contains(key) || finding.ResolvedByAbsence)
                continue;
            finding.Vanish(by, now);
            vanished++;
        }
        return new Outcome(added, kept, vanished);
    }
}
