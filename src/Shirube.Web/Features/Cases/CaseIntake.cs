using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;

namespace Shirube.Web.Features.Cases;

/// <summary>
/// Takes vulnerability reports from anyone: the public page and <c>POST /api/reports</c> share it, and with it one
/// rate limit per client address (Shirube:Intake:ReportsPerHour, default 10).
/// </summary>
internal sealed class CaseIntake(IConfiguration config, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Shirube:Intake:ReportsPerHour", 10),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    // Case numbers are a per-year count: two reports counted at the same time would take the same number. One server
    // numbers one report at a time; the unique index stays the guard between servers.
    private readonly SemaphoreSlim _numbering = new(1, 1);

    /// <summary>True when the client may file another report now.</summary>
    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    /// <summary>Files the report as a new case and returns it with the reporter's tracking token.</summary>
    public async Task<(VulnerabilityCase Case, string Token)> ReceiveAsync(ShirubeDbContext db, string? title, string? description, string? product, string? email,
        IEnumerable<Func<Guid, CaseAttachment>>? attachments = null)
    {
        await _numbering.WaitAsync();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var year = now.Year.ToString(CultureInfo.InvariantCulture);
            // Numbers run per year over every case, whoever may see them.
            var count = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.Number.StartsWith($"PSIRT-{year}-"));
            var (received, token) = VulnerabilityCase.Receive($"PSIRT-{year}-{count + 1:0000}", title ?? string.Empty, description ?? string.Empty, product, email, now);
            db.Cases.Add(received);
            // The report and its files are saved together, or not at all.
            db.CaseAttachments.AddRange((attachments ?? []).Select(make => make(received.Id)));
            await db.SaveChangesAsync();
            return (received, token);
        }
        finally
        {
            _numbering.Release();
        }
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _numbering.Dispose();
    }
}
