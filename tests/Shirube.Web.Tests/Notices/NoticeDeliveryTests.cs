using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Shirube.Data;
using Shirube.Web.Features.Notices.Delivery;
using Shirube.Web.Tests.Infrastructure;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Shirube.Web.Tests.Notices;

/// <summary>Notices leave the app by mail (an SMTP server in this process) and by webhook (an HTTP receiver on loopback).</summary>
public class NoticeDeliveryTests
{
    private static readonly OutboundNotice Notice = new("NewFindings", "HR-300 2.0", "2 new findings in HR-300 2.0", "HR-300 2.0 に新しい検出が 2 件", "/products/x/versions/2.0/findings")
    {
        Owners = ["psirt@example.com", "nobody-known"],
        Lines = [("CVE-2024-3094 in xz 5.6.0 (critical, KEV)", "CVE-2024-3094: xz 5.6.0(緊急、KEV)"), ("GHSA-xxxx in zlib 1.2.11", "GHSA-xxxx: zlib 1.2.11")],
        Data = new JsonObject { ["findings"] = new JsonArray("CVE-2024-3094", "GHSA-xxxx") },
    };

    [Fact]
    public async Task A_notice_is_mailed_to_each_owner_with_an_address_in_Japanese_and_English_and_posted_signed_to_the_webhook()
    {
        await using var smtp = await MailCatcher.StartAsync();
        await using var hook = await HookReceiver.StartAsync(HttpStatusCode.OK);
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
        {
            ["Shirube:Mail:Host"] = "127.0.0.1",
            ["Shirube:Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shirube:Mail:Security"] = "none",
            ["Shirube:Mail:From"] = "shirube@maker.example",
            ["Shirube:Mail:PublicUrl"] = "https://shirube.maker.example",
            ["Shirube:Webhooks:0:Url"] = hook.Url,
            ["Shirube:Webhooks:0:Secret"] = "s3cret",
        });
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<NoticeDelivery>().DeliverAsync(Notice, TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (outcome.MailsSent, outcome.WebhooksDelivered));
        Assert.Empty(outcome.Failures);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("psirt@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("shirube@maker.example", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Contains("HR-300 2.0 に新しい検出が 2 件", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("2 new findings in HR-300 2.0", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("CVE-2024-3094: xz 5.6.0(緊急、KEV)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("CVE-2024-3094 in xz 5.6.0 (critical, KEV)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://shirube.maker.example/products/x/versions/2.0/findings", mail.TextBody, StringComparison.Ordinal);

        var (body, signature) = Assert.Single(hook.Received);
        Assert.Equal(NoticeDelivery.Signature("s3cret", body), signature);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("NewFindings", json.GetProperty("kind").GetString());
        Assert.Equal("HR-300 2.0 に新しい検出が 2 件", json.GetProperty("title").GetProperty("ja").GetString());
        Assert.Equal(["CVE-2024-3094", "GHSA-xxxx"], json.GetProperty("data").GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_mail_server_that_is_down_and_a_webhook_that_refuses_are_reported_without_failing_the_caller()
    {
        await using var hook = await HookReceiver.StartAsync(HttpStatusCode.Forbidden);
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
        {
            ["Shirube:Mail:Host"] = "127.0.0.1",
            ["Shirube:Mail:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shirube:Mail:Security"] = "none",
            ["Shirube:Webhooks:0:Url"] = hook.Url,
        });
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<NoticeDelivery>().DeliverAsync(Notice, TestContext.Current.CancellationToken);

        Assert.Equal((0, 0), (outcome.MailsSent, outcome.WebhooksDelivered));
        Assert.Equal(2, outcome.Failures.Count);
        Assert.StartsWith("mail 127.0.0.1:", outcome.Failures[0], StringComparison.Ordinal);
        Assert.Equal($"webhook {hook.Url}: HTTP 403", outcome.Failures[1]);
        // 403 is not transient: asked once, not retried.
        Assert.Single(hook.Received);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An SMTP server on a loopback port that keeps what it receives.</summary>
    private sealed class MailCatcher : MessageStore, IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        public int Port { get; private init; }
        public List<MimeMessage> Messages { get; } = [];

        public static Task<MailCatcher> StartAsync()
        {
            var catcher = new MailCatcher { Port = FreePort() };
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, catcher.Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(catcher);
            catcher._running = new SmtpServer.SmtpServer(options, services).StartAsync(catcher._stop.Token);
            return Task.FromResult(catcher);
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (Messages)
                Messages.Add(message);
            return SmtpResponse.Ok;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }
    }

    /// <summary>A webhook endpoint on a loopback port answering with a fixed status, keeping bodies and signatures.</summary>
    private sealed class HookReceiver : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public string Url { get; private set; } = "";
        public List<(byte[] Body, string? Signature)> Received { get; } = [];

        public static async Task<HookReceiver> StartAsync(HttpStatusCode status)
        {
            var receiver = new HookReceiver();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            receiver._app = builder.Build();
            receiver._app.MapPost("/hook", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                lock (receiver.Received)
                    receiver.Received.Add((body.ToArray(), context.Request.Headers[NoticeDelivery.SignatureHeader].FirstOrDefault()));
                return Results.StatusCode((int)status);
            });
            await receiver._app.StartAsync();
            var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = address.TrimEnd('/') + "/hook";
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
