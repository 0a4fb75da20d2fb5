using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Risk;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Risk;

internal sealed record RiskMatrixRequest(RiskCellDto[]? Cells, RiskStepDto[]? Likelihood, RiskStepDto[]? Impact);

/// <summary>
/// What a change to the matrix came to: the matrix saved, or the cells that would break monotony (one error per cell,
/// so that the API and the page can point at each), with nothing saved.
/// </summary>
internal sealed record RiskMatrixChange(RiskMatrixDto? Saved, IReadOnlyList<MonotonyViolation> Violations);

/// <summary>Changes to the risk matrix (administrators and PSIRT managers), and its seeding at start-up.</summary>
internal sealed class RiskMatrixCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    /// <summary>Changes cell levels and step names as the API's body gives them.</summary>
    public async Task<RiskMatrixChange> ChangeAsync(RiskMatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.SeeAllUnits);
        var cells = (request.Cells ?? []).Select((cell, n) => (cell.Likelihood, cell.Impact,
            EnumNames.TryParse<RiskLevel>(cell.Level, out var level)
                ? level
                : throw CommonErrors.UnknownValue($"cells[{n}].level", cell.Level ?? string.Empty, string.Join(", ", Enum.GetNames<RiskLevel>())).Exception())).ToList();
        var steps = new[] { (RiskAxis.Likelihood, request.Likelihood), (RiskAxis.Impact, request.Impact) }
            .SelectMany(a => (a.Item2 ?? []).Select(s => (Axis: a.Item1, Step: s))).ToList();
        return await ChangeAsync(cells, steps);
    }

    /// <summary>Sets the levels of the cells given (others keep theirs), as the matrix page does.</summary>
    public Task<RiskMatrixChange> SetLevelsAsync(IEnumerable<(int Likelihood, int Impact, RiskLevel Level)> cells)
    {
        actor.Require(Roles.SeeAllUnits);
        return ChangeAsync([.. cells], []);
    }

    private async Task<RiskMatrixChange> ChangeAsync(List<(int Likelihood, int Impact, RiskLevel Level)> cells, List<(RiskAxis Axis, RiskStepDto Step)> steps)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var matrix = await RiskMatrixViews.LoadAsync(db, tracked: true);
        foreach (var (axis, s) in steps)
            matrix.RenameStep(axis, s.Value, s.NameEn, s.NameJa, s.DescriptionEn, s.DescriptionJa);
        var violations = matrix.ViolationsWith(cells);
        if (violations.Count > 0)
            return new(null, violations);
        matrix.SetLevels(cells);
        await db.SaveChangesAsync();
        return new(RiskMatrixDto.From(matrix), []);
    }

    /// <summary>Seeds the default matrix on a new installation.</summary>
    public async Task EnsureAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (!await db.RiskMatrices.AnyAsync().ConfigureAwait(false))
        {
            db.RiskMatrices.Add(RiskMatrix.Default());
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
    }
}
