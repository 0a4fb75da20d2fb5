using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;

namespace Shirube.Web.Features.Psirt;

internal sealed record PsirtMemberDto(Guid Id, string Name, string? UserId, Guid? DepartmentId, string Role, string Commitment, int TimeSharePercent)
{
    public static PsirtMemberDto From(PsirtMember m) => new(m.Id, m.Name, m.UserId, m.DepartmentId, m.Role, m.Commitment.ToString(), m.TimeSharePercent);
}

internal sealed record DepartmentDto(Guid Id, string NameJa, string NameEn);
internal sealed record RaciRowDto(string Id, string AreaId, string OfficialName, string? Verify, Dictionary<Guid, string> Cells, string[] Warnings);

/// <summary>The PSIRT's set-up, members (with total FTE) and RACI matrix of FIRST services to internal departments.</summary>
internal sealed record PsirtOrganisationView(string? Setup, string? Notes, PsirtMemberDto[] Members, decimal TotalFte, DepartmentDto[] Departments, RaciRowDto[] Services);

/// <summary>A user account a member may be linked to.</summary>
internal sealed record AccountChoiceDto(string Id, string Name);

/// <summary>Reads of the PSIRT's organisation, shared by the API and the page.</summary>
internal sealed class PsirtOrganisationViews(IDbContextFactory<ShirubeDbContext> contexts)
{
    /// <summary>The set-up, the members with their total FTE, the departments and the RACI matrix with each row's warnings.</summary>
    public async Task<PsirtOrganisationView> ViewAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var organisation = await db.PsirtOrganisation.AsNoTracking().SingleOrDefaultAsync();
        var members = await db.PsirtMembers.AsNoTracking().ToListAsync();
        var departments = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Department)
            .Select(d => new DepartmentDto(d.Id, d.NameJa, d.NameEn)).ToListAsync();
        var cells = await db.RaciAssignments.AsNoTracking().ToListAsync();
        var warnings = RaciMatrix.Warnings(cells);
        var byService = cells.ToLookup(c => c.ServiceId, StringComparer.Ordinal);
        return new PsirtOrganisationView(
            organisation?.Setup.ToString(), organisation?.Notes,
            [.. members.OrderBy(m => m.Commitment).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(PsirtMemberDto.From)],
            members.Sum(m => m.Fte),
            [.. departments.OrderBy(d => d.NameEn, StringComparer.OrdinalIgnoreCase)],
            [.. FirstServices.Services.Select(s => new RaciRowDto(s.Id, s.AreaId, s.OfficialName, s.Verify,
                byService[s.Id].ToDictionary(c => c.DepartmentId, c => c.Role.ToString()),
                [.. warnings[s.Id].Select(w => w.ToString())]))]);
    }

    /// <summary>The user accounts a member may be linked to, by username.</summary>
    public async Task<AccountChoiceDto[]> AccountsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync();
        return [.. users.Select(u => new AccountChoiceDto(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : $"{u.DisplayName} ({u.UserName})"))];
    }
}
