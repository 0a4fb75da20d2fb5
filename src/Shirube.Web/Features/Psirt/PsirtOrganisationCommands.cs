using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Psirt;

/// <summary>What went wrong with a change to the PSIRT's organisation; <see cref="Field"/> names the request field.</summary>
internal sealed class PsirtChangeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

internal sealed record PsirtMemberDto(Guid Id, string Name, string? UserId, Guid? DepartmentId, string Role, string Commitment, int TimeSharePercent);
internal sealed record DepartmentDto(Guid Id, string NameJa, string NameEn);
internal sealed record RaciRowDto(string Id, string AreaId, string OfficialName, string? Verify, Dictionary<Guid, string> Cells, string[] Warnings);

/// <summary>The PSIRT's set-up, members (with total FTE) and RACI matrix of FIRST services to internal departments.</summary>
internal sealed record PsirtOrganisationView(string? Setup, string? Notes, PsirtMemberDto[] Members, decimal TotalFte, DepartmentDto[] Departments, RaciRowDto[] Services);

internal sealed record SetupRequest(string? Setup, string? Notes);
internal sealed record SaveMemberRequest(string? Name, string? UserId, Guid? DepartmentId, string? Role, string? Commitment, int? TimeSharePercent);
internal sealed record RaciCellRequest(string? Role);

/// <summary>Changes to the PSIRT's organisation, shared by the API and the page.</summary>
internal static class PsirtOrganisationCommands
{
    public static async Task<PsirtOrganisationView> ViewAsync(ShirubeDbContext db)
    {
        var organisation = await db.PsirtOrganisation.AsNoTracking().SingleOrDefaultAsync();
        var members = await db.PsirtMembers.AsNoTracking().ToListAsync();
        var departments = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Department).ToListAsync();
        var cells = await db.RaciAssignments.AsNoTracking().ToListAsync();
        var warnings = RaciMatrix.Warnings(cells);
        var byService = cells.ToLookup(c => c.ServiceId, StringComparer.Ordinal);
        return new PsirtOrganisationView(
            organisation?.Setup.ToString(), organisation?.Notes,
            [.. members.OrderBy(m => m.Commitment).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                .Select(m => new PsirtMemberDto(m.Id, m.Name, m.UserId, m.DepartmentId, m.Role, m.Commitment.ToString(), m.TimeSharePercent))],
            members.Sum(m => m.Fte),
            [.. departments.OrderBy(d => d.NameEn, StringComparer.OrdinalIgnoreCase).Select(d => new DepartmentDto(d.Id, d.NameJa, d.NameEn))],
            [.. FirstServices.Services.Select(s => new RaciRowDto(s.Id, s.AreaId, s.OfficialName, s.Verify,
                byService[s.Id].ToDictionary(c => c.DepartmentId, c => c.Role.ToString()),
                [.. warnings[s.Id].Select(w => w.ToString())]))]);
    }

    public static async Task SetSetupAsync(ShirubeDbContext db, SetupRequest request)
    {
        if (!EnumNames.TryParse<PsirtSetup>(request.Setup, out var setup))
            throw new PsirtChangeException("setup", $"Unknown set-up '{request.Setup}'; expected Centralised, Distributed or Hybrid.");
        var organisation = await db.PsirtOrganisation.SingleOrDefaultAsync();
        Apply(() =>
        {
            if (organisation is null)
                db.PsirtOrganisation.Add(Domain.Psirt.PsirtOrganisation.Create(setup, request.Notes));
            else
                organisation.Change(setup, request.Notes);
        });
        await db.SaveChangesAsync();
    }

    public static async Task<PsirtMember> AddMemberAsync(ShirubeDbContext db, SaveMemberRequest request)
    {
        var (name, commitment) = await CheckMemberAsync(db, request);
        PsirtMember member = null!;
        Apply(() => member = PsirtMember.Create(name, request.UserId, request.DepartmentId, request.Role ?? string.Empty, commitment, request.TimeSharePercent ?? 0));
        db.PsirtMembers.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    public static async Task<PsirtMember?> UpdateMemberAsync(ShirubeDbContext db, Guid id, SaveMemberRequest request)
    {
        var member = await db.PsirtMembers.SingleOrDefaultAsync(m => m.Id == id);
        if (member is null)
            return null;
        var (name, commitment) = await CheckMemberAsync(db, request);
        Apply(() => member.Change(name, request.UserId, request.DepartmentId, request.Role ?? string.Empty, commitment, request.TimeSharePercent ?? 0));
        await db.SaveChangesAsync();
        return member;
    }

    /// <summary>Removes a member; false when there is none with that id.</summary>
    public static async Task<bool> RemoveMemberAsync(ShirubeDbContext db, Guid id)
    {
        var member = await db.PsirtMembers.SingleOrDefaultAsync(m => m.Id == id);
        if (member is null)
            return false;
        db.PsirtMembers.Remove(member);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Sets one cell (null or empty role clears it); returns the row's warnings.</summary>
    public static async Task<string[]> SetCellAsync(ShirubeDbContext db, string serviceId, Guid departmentId, string? role)
    {
        if (FirstServices.Find(serviceId) is null)
            throw new PsirtChangeException("serviceId", $"'{serviceId}' is not a service of the FIRST PSIRT Services Framework {FirstServices.FrameworkVersion}.");
        RaciRole? letter = null;
        if (!string.IsNullOrEmpty(role))
        {
            if (!EnumNames.TryParse<RaciRole>(role, out var parsed))
                throw new PsirtChangeException("role", $"'{role}' is not R, A, C or I.");
            letter = parsed;
        }
        if (!await db.Stakeholders.AnyAsync(s => s.Id == departmentId && s.Kind == StakeholderKind.Department))
            throw new PsirtChangeException("departmentId", $"No internal department {departmentId}.");
        var cell = await db.RaciAssignments.SingleOrDefaultAsync(c => c.ServiceId == serviceId && c.DepartmentId == departmentId);
        if (letter is null && cell is not null)
            db.RaciAssignments.Remove(cell);
        else if (letter is { } l && cell is null)
            db.RaciAssignments.Add(RaciAssignment.Create(serviceId, departmentId, l));
        else if (letter is { } changed)
            cell!.Change(changed);
        await db.SaveChangesAsync();
        var row = await db.RaciAssignments.AsNoTracking().Where(c => c.ServiceId == serviceId).Select(c => c.Role).ToListAsync();
        return [.. RaciMatrix.Warnings(row).Select(w => w.ToString())];
    }

    private static async Task<(string Name, PsirtCommitment Commitment)> CheckMemberAsync(ShirubeDbContext db, SaveMemberRequest request)
    {
        if (!EnumNames.TryParse<PsirtCommitment>(request.Commitment, out var commitment))
            throw new PsirtChangeException("commitment", $"Unknown commitment '{request.Commitment}'; expected Dedicated or PartTime.");
        var name = request.Name;
        if (!string.IsNullOrWhiteSpace(request.UserId))
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId)
                ?? throw new PsirtChangeException("userId", $"No user account {request.UserId}.");
            if (string.IsNullOrWhiteSpace(name))
                name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName;
        }
        if (request.DepartmentId is { } department && !await db.Stakeholders.AnyAsync(s => s.Id == department && s.Kind == StakeholderKind.Department))
            throw new PsirtChangeException("departmentId", $"No internal department {department}.");
        return (name ?? string.Empty, commitment);
    }

    private static void Apply(Action change)
    {
        try
        {
            change();
        }
        catch (ArgumentException e)
        {
            throw new PsirtChangeException(e.ParamName ?? "body", e.Message);
        }
    }
}
