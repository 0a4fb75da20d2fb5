namespace Shirube.Web.Features.Notices.Delivery;

/// <summary>
/// The SMTP server notices are mailed through (Shirube:Mail). No host, no mail. <c>Security</c> is <c>none</c>,
/// <c>starttls</c> (the default when a user is set) or <c>tls</c> (TLS on connect, port 465).
/// </summary>
internal sealed class MailOptions
{
    public const string Section = "Shirube:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string Security { get; set; } = "auto";
    public string From { get; set; } = "shirube@localhost";
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The address links in mails start with (Shirube:PublicUrl); links stay app paths when unset.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// The endpoints notices are posted to (Shirube:Webhooks:0:Url, Shirube:Webhooks:0:Secret, …). With a secret, each
/// request carries <c>X-Shirube-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> so the receiver can tell it is ours.
/// </summary>
internal sealed class WebhookTarget
{
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
}
