using System.Text.Json.Nodes;

namespace Shirube.Web.Features.Notices.Delivery;

/// <summary>
/// A notice that leaves the app: by e-mail to the owners of what it concerns, and by webhook to every configured
/// endpoint. <c>Kind</c> is stable for scripts (<c>NewFindings</c>…); titles are given in both languages because
/// a mail goes to people whose language the app does not know; <c>Href</c> is the app path to open.
/// </summary>
internal sealed record OutboundNotice(string Kind, string Subject, string TitleEn, string TitleJa, string Href)
{
    /// <summary>User names or e-mail addresses to write to (a product's owners).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>Lines of the body, each given in English and Japanese (a finding per line, for instance).</summary>
    public IReadOnlyList<(string En, string Ja)> Lines { get; init; } = [];

    /// <summary>Machine-readable details for webhooks.</summary>
    public JsonObject? Data { get; init; }
}

/// <summary>What a delivery did: mails sent (one per recipient), webhooks that answered 2xx, and those that failed.</summary>
internal sealed record DeliveryOutcome(int MailsSent, int WebhooksDelivered, IReadOnlyList<string> Failures);
