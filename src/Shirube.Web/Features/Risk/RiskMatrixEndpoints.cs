using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Risk;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Risk;

internal sealed record RiskStepDto(int Value, string NameEn, string NameJa, string DescriptionEn, string DescriptionJa);

internal sealed record RiskCellDto(int Likelihood, int Impact, string Level);

internal sealed record RiskMatrixDto(int Size, string[] Levels, RiskStepDto[] Likelihood, RiskStepDto[] Impact, RiskCellDto[] Cells);

internal sealed record RiskMatrixRequest(RiskCellDto[]? Cells, RiskStepDto[]? Likelihood, RiskStepDto[]? Impact);

/// <summary>The risk-level definitions: the likelihood × impact matrix, read by everyone, changed by administrators and PSIRT managers.</summary>
internal static class RiskMatrixEndpoints
{
    public static WebApplication MapRiskMatrixEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk-matrix").WithTags("Threats").RequireAuthorization();
        group.MapGet("/", async (ShirubeDbContext db) => TypedResults.Ok(ToDto(await LoadAsync(db))))
            .WithSummary("The likelihood × impact matrix: the steps of each axis with their names and meanings (ja/en), and the risk level of every cell.");
        group.MapPut("/", async Task<Results<Ok<RiskMatrixDto>, ValidationProblem>> (RiskMatrixRequest request, ShirubeDbContext db) =>
        {
            var matrix = await LoadAsync(db, tracked: true);
            var cells = new List<(int, int, RiskLevel)>();
            foreach (var (cell, n) in (request.Cells ?? []).Select((c, n) => (c, n)))
            {
                if (!EnumNames.TryParse<RiskLevel>(cell.Level, out var level))
                    return Problems.Invalid($"cells[{n}].level", $"'{cell.Level}' is not a risk level; expected one of: {string.Join(", ", Enum.GetNames<RiskLevel>())}.");
                cells.Add((cell.Likelihood, cell.Impact, level));
            }
            try
            {
                foreach (var (axis, steps) in new[] { (RiskAxis.Likelihood, request.Likelihood), (RiskAxis.Impact, request.Impact) })
                {
                    foreach (var s in steps ?? [])
                        matrix.RenameStep(axis, s.Value, s.NameEn, s.NameJa, s.DescriptionEn, s.DescriptionJa);
                }
                matrix.SetLevels(cells);
            }
            catch (RiskMatrixException e)
            {
                // One error per offending cell, so a client can point at it.
                return TypedResults.ValidationProblem(e.Violations.GroupBy(v => CellKey(v.Likelihood, v.Impact))
                    .ToDictionary(g => g.Key, g => g.Select(v => v.ToString()).ToArray()));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(ToDto(matrix));
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithSummary("Change cell levels and step names (administrators and PSIRT managers). Refused with one error per cell when a cell would be lower than a cell with less likelihood or impact.");
        return app;
    }

    /// <summary>The error key of a cell, e.g. cells[3,4] for likelihood 3 × impact 4.</summary>
    public static string CellKey(int likelihood, int impact) => string.Create(CultureInfo.InvariantCulture, $"cells[{likelihood},{impact}]");

    /// <summary>The installation's matrix (seeded at start-up; the default where a database predates it).</summary>
    public static async Task<RiskMatrix> LoadAsync(ShirubeDbContext db, bool tracked = false)
    {
        var query = db.RiskMatrices.Include(m => m.Steps).Include(m => m.Cells).AsSplitQuery();
        var matrix = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == RiskMatrix.SingletonId);
        if (matrix is null)
        {
            matrix = RiskMatrix.Default();
            if (tracked)
                db.RiskMatrices.Add(matrix);
        }
        return matrix;
    }

    /// <summary>Seeds the default matrix on a new installation.</summary>
    public static async Task EnsureAsync(ShirubeDbContext db)
    {
        if (!await db.RiskMatrices.AnyAsync().ConfigureAwait(false))
        {
            db.RiskMatrices.Add(RiskMatrix.Default());
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
    }

    private static RiskMatrixDto ToDto(RiskMatrix m) => new(RiskMatrix.Size, Enum.GetNames<RiskLevel>(), Steps(m, RiskAxis.Likelihood), Steps(m, RiskAxis.Impact),
        [.. m.Cells.OrderBy(c => c.Likelihood).ThenBy(c => c.Impact).Select(c => new RiskCellDto(c.Likelihood, c.Impact, c.Level.ToString()))]);

    private static RiskStepDto[] Steps(RiskMatrix m, RiskAxis axis) =>
        [.. m.StepsOf(axis).Select(s => new RiskStepDto(s.Value, s.NameEn, s.NameJa, s.DescriptionEn, s.DescriptionJa))];
}
