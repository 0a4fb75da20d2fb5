using Shirube.Data;
using Shirube.Domain.Cases;

namespace Shirube.Web.Features.Cases;

/// <summary>
/// Something that follows a case's steps (findings follow the case opened from them): called in the same context,
/// before the same save, so the case and what follows it change together or not at all.
/// </summary>
internal interface ICaseFollower
{
    /// <summary>The case has just moved to <see cref="VulnerabilityCase.State"/>, with the reason given, if any.</summary>
    Task FollowAsync(ShirubeDbContext db, VulnerabilityCase movedCase, string? reason);
}

/// <summary>
/// A case the PSIRT opens itself from something it found (a finding), with what is already known filled in.
/// It starts in triage: there is no outside reporter to acknowledge.
/// </summary>
internal sealed record CaseOpening(string Title, string Description, Guid ProductId, IReadOnlyCollection<Guid> AffectedVersions, string? CveId, string? CvssVector);

/// <summary>The case opened: its id and number.</summary>
internal sealed record CaseOpened(Guid Id, string Number);
