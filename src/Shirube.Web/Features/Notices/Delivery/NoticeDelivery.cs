using System.Globalization;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shirube.Data;

namespace Shirube.Web.Features.Notices.Delivery;

/// <summary>
/// Sends notices outside the app: a bilingual mail (English and Japanese in one body) to each owner through the
/// configured SMTP server (MailKit), and a signed JSON POST to each configured webhook (the resilience handler retries
/// transient failures). A delivery never throws for a mail server or endpoint that fails: the notice is still in the
/// app, so failures are logged and returned.
/// </summary>
internal sealed partial class NoticeDelivery(
    IConfiguration config, IHttpClientFactory clients, IDbContextFactory<ShirubeDbContext> contexts, TimeProvider clock, ILogger<NoticeDelivery> log)
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "X-Shirube-Signature";

    private MailOptions Mail => config.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
    private List<WebhookTarget> Webhooks =>
        config.GetSection("Shirube:Webhooks").Get<List<WebhookTarget>>()?.Where(w => Uri.TryCreate(w.Url, UriKind.Absolute, out _)).ToList() ?? [];

    /// <summary>Whether any channel beside the app is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Mail.Host) || Webhooks.Count > 0;

    /// <summary>Mails the owners and posts to the webhooks.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(OutboundNotice notice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var failures = new List<string>();
        var mails = await MailAsync(notice, failures, ct);
        var hooks = 0;
        foreach (var target in Webhooks)
        {
            if (await PostAsync(notice, target, failures, ct))
                hooks++;
        }
        return new DeliveryOutcome(mails, hooks, failures);
    }

    private async Task<int> MailAsync(OutboundNotice notice, List<string> failures, CancellationToken ct)
    {
        var options = Mail;
        if (string.IsNullOrWhiteSpace(options.Host) || notice.Owners.Count == 0)
            return 0;
        var recipients = await AddressesAsync(notice.Owners, ct);
        if (recipients.Count == 0)
            return 0;
        try
        {
            using var smtp = new SmtpClient();
            var security = options.Security.ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "starttls" => SecureSocketOptions.StartTls,
                "tls" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await smtp.ConnectAsync(options.Host, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.User))
                await smtp.AuthenticateAsync(options.User, options.Password ?? "", ct);
            var sent = 0;
            foreach (var to in recipients)
            {
                await smtp.SendAsync(Message(notice, options, to), ct);
                sent++;
            }
            await smtp.DisconnectAsync(quit: true, ct);
            return sent;
        }
        catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            LogMailFailed(log, notice.Kind, options.Host, e.Message);
            failures.Add($"mail {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
            return 0;
        }
    }

    private MimeMessage Message(OutboundNotice notice, MailOptions options, string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"[Shirube] {notice.TitleJa} / {notice.TitleEn}";
        message.Date = clock.GetUtcNow();
        var link = string.IsNullOrWhiteSpace(options.PublicUrl) ? notice.Href : new Uri(new Uri(options.PublicUrl), notice.Href).ToString();
        var body = new StringBuilder();
        body.AppendLine(notice.TitleJa);
        foreach (var line in notice.Lines)
            body.Append("- ").AppendLine(line.Ja);
        body.AppendLine().AppendLine(link).AppendLine().AppendLine("----").AppendLine();
        body.AppendLine(notice.TitleEn);
        foreach (var line in notice.Lines)
            body.Append("- ").AppendLine(line.En);
        body.AppendLine().AppendLine(link);
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    // Owners are user names or addresses: names become the address of that user, if the user has one.
    private async Task<IReadOnlyList<string>> AddressesAsync(IReadOnlyList<string> owners, CancellationToken ct)
    {
        var direct = owners.Where(o => MailboxAddress.TryParse(o, out _) && o.Contains('@', StringComparison.Ordinal)).ToList();
        var names = owners.Except(direct).Select(n => n.ToUpperInvariant()).ToList();
        var resolved = new List<string>();
        if (names.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            resolved = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        }
        return [.. direct.Concat(resolved).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<bool> PostAsync(OutboundNotice notice, WebhookTarget target, List<string> failures, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["kind"] = notice.Kind,
            ["subject"] = notice.Subject,
            ["title"] = new JsonObject { ["en"] = notice.TitleEn, ["ja"] = notice.TitleJa },
            ["href"] = notice.Href,
            ["at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["data"] = notice.Data?.DeepClone(),
        };
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MediaTypeNames.Application.Json) { CharSet = "utf-8" };
            if (!string.IsNullOrEmpty(target.Secret))
                request.Headers.Add(SignatureHeader, Signature(target.Secret, body));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
                return true;
            failures.Add($"webhook {target.Url}: HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            failures.Add($"webhook {target.Url}: {e.Message}");
        }
        LogWebhookFailed(log, notice.Kind, target.Url, failures[^1]);
        return false;
    }

    /// <summary>The signature header's value: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailing notice {Kind} through {Host} failed: {Reason}")]
    private static partial void LogMailFailed(ILogger logger, string kind, string? host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting notice {Kind} to {Url} failed: {Reason}")]
    private static partial void LogWebhookFailed(ILogger logger, string kind, string url, string reason);
}
