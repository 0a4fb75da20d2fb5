using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Psirt;

internal sealed record SetupRequest(string? Setup, string? Notes);
internal sealed record SaveMemberRequest(string? Name, string? UserId, Guid? DepartmentId, string? Role, string? Commitment, int? TimeSharePercent);
internal sealed record RaciCellRequest(string? Role);

/// <summary>Changes to the PSIRT's organisation, shared by the API and the page: administrators and PSIRT managers make them.</summary>
internal sealed class PsirtOrganisationCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    /// <summary>Sets the set-up (Centralised, Distributed or Hybrid) and its notes.</summary>
    public async Task SetSetupAsync(SetupRequest request)
    {
        actor.Require(Roles.PsirtLeads);
        var setup = Parse<PsirtSetup>(request.Setup, "setup");
        await using var db = await contexts.CreateDbContextAsync();
        var organisation = await db.PsirtOrganisation.SingleOrDefaultAsync();
        if (organisation is null)
            db.PsirtOrganisation.Add(PsirtOrganisation.Create(setup, request.Notes));
        else
            organisation.Change(setup, request.Notes);
        await db.SaveChangesAsync();
    }

    /// <summary>Adds a member: a user account (whose name is taken when none is given) or just a name.</summary>
    public async Task<PsirtMemberDto> AddMemberAsync(SaveMemberRequest request)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync();
        var (name, commitment) = await CheckMemberAsync(db, request);
        var member = PsirtMember.Create(name, request.UserId, request.DepartmentId, request.Role ?? string.Empty, commitment, request.TimeSharePercent ?? 0);
        db.PsirtMembers.Add(member);
        await db.SaveChangesAsync();
        return PsirtMemberDto.From(member);
    }

    /// <summary>Changes a member (<c>Psirt.MemberNotFound</c> when there is none).</summary>
    public async Task<PsirtMemberDto> UpdateMemberAsync(Guid id, SaveMemberRequest request)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync();
        var member = await db.PsirtMembers.SingleOrDefaultAsync(m => m.Id == id) ?? throw PsirtErrors.MemberNotFound(id).Exception();
        var (name, commitment) = await CheckMemberAsync(db, request);
        member.Change(name, request.UserId, request.DepartmentId, request.Role ?? string.Empty, commitment, request.TimeSharePercent ?? 0);
        await db.SaveChangesAsync();
        return PsirtMemberDto.From(member);
    }

    /// <summary>Removes a member (<c>Psirt.MemberNotFound</c> when there is none).</summary>
    public async Task RemoveMemberAsync(Guid id)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync();
        var member = await db.PsirtMembers.SingleOrDefaultAsync(m => m.Id == id) ?? throw PsirtErrors.MemberNotFound(id).Exception();
        db.PsirtMembers.Remove(member);
        await db.SaveChangesAsync();
    }

    /// <summary>Sets one cell (null or empty role clears it); returns the row's warnings.</summary>
    public async Task<string[]> SetCellAsync(string serviceId, Guid departmentId, string? role)
    {
        actor.Require(Roles.PsirtLeads);
        Guard.That(FirstServices.Find(serviceId) is not null, () => PsirtErrors.UnknownService(serviceId, FirstServices.FrameworkVersion));
        RaciRole? letter = string.IsNullOrEmpty(role) ? null : Parse<RaciRole>(role, "role");
        await using var db = await contexts.CreateDbContextAsync();
        Guard.That(await IsDepartmentAsync(db, departmentId), () => PsirtErrors.UnknownDepartment(departmentId));
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
        var commitment = Parse<PsirtCommitment>(request.Commitment, "commitment");
        var name = request.Name;
        if (!string.IsNullOrWhiteSpace(request.UserId))
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId)
                ?? throw PsirtErrors.UnknownUser(request.UserId).Exception();
            if (string.IsNullOrWhiteSpace(name))
                name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName;
        }
        if (request.DepartmentId is { } department)
            Guard.That(await IsDepartmentAsync(db, department), () => PsirtErrors.UnknownDepartment(department));
        return (name ?? string.Empty, commitment);
    }

    private static Task<bool> IsDepartmentAsync(ShirubeDbContext db, Guid id) =>
        db.Stakeholders.AnyAsync(s => s.Id == id && s.Kind == StakeholderKind.Department);

    private static T Parse<T>(string? text, string field) where T : struct, Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value
            : throw CommonErrors.UnknownValue(field, text ?? string.Empty, string.Join(", ", Enum.GetNames<T>())).Exception();
}
