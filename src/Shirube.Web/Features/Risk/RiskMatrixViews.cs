using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Risk;

namespace Shirube.Web.Features.Risk;

internal sealed record RiskStepDto(int Value, string NameEn, string NameJa, string DescriptionEn, string DescriptionJa);

internal sealed record RiskCellDto(int Likelihood, int Impact, string Level);

internal sealed record RiskMatrixDto(int Size, string[] Levels, RiskStepDto[] Likelihood, RiskStepDto[] Impact, RiskCellDto[] Cells)
{
    public static RiskMatrixDto From(RiskMatrix m) => new(RiskMatrix.Size, Enum.GetNames<RiskLevel>(), Steps(m, RiskAxis.Likelihood), Steps(m, RiskAxis.Impact),
        [.. m.Cells.OrderBy(c => c.Likelihood).ThenBy(c => c.Impact).Select(c => new RiskCellDto(c.Likelihood, c.Impact, c.Level.ToString()))]);

    private static RiskStepDto[] Steps(RiskMatrix m, RiskAxis axis) =>
        [.. m.StepsOf(axis).Select(s => new RiskStepDto(s.Value, s.NameEn, s.NameJa, s.DescriptionEn, s.DescriptionJa))];
}

/// <summary>Reads of the risk matrix, shared by the API, its page and the threat register (which rates threats with it).</summary>
internal sealed class RiskMatrixViews(IDbContextFactory<ShirubeDbContext> contexts)
{
    /// <summary>The installation's matrix, untracked (the default where a database predates it).</summary>
    public async Task<RiskMatrix> LoadAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await LoadAsync(db, tracked: false);
    }

    /// <summary>The matrix as the API shows it.</summary>
    public async Task<RiskMatrixDto> MatrixAsync() => RiskMatrixDto.From(await LoadAsync());

    /// <summary>The matrix in <paramref name="db"/>; when <paramref name="tracked"/>, a missing one is added to it (for the commands).</summary>
    internal static async Task<RiskMatrix> LoadAsync(ShirubeDbContext db, bool tracked)
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
}
