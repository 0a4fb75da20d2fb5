using System.Globalization;
using System.Text;

namespace Shirube.Web.Features.Cases;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116) from the settings under Shirube:SecurityTxt: Contact (one or more; the
/// public report page when none is set), Expires (a date, or ExpiresInDays from now, default 180), Policy,
/// Preferred-Languages (default "ja, en"), Encryption, Acknowledgments, Canonical (default this file's URL), and CSAF: the
/// trusted provider's provider-metadata.json under Shirube:Disclosure:PublicUrl (default this origin).
/// </summary>
internal static class SecurityTxt
{
    public static string Build(IConfiguration config, Uri origin, DateTimeOffset now)
    {
        var section = config.GetSection("Shirube:SecurityTxt");
        var text = new StringBuilder();
        void Field(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                text.Append(name).Append(": ").Append(value.Trim()).Append('\n');
        }
        var contacts = section.GetSection("Contact").Get<string[]>() ?? (section["Contact"] is { } one ? [one] : []);
        if (contacts.Length == 0)
            contacts = [new Uri(origin, "/report").ToString()];
        foreach (var contact in contacts)
            Field("Contact", contact);
        var expires = DateTimeOffset.TryParse(section["Expires"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var set)
            ? set
            : now.AddDays(section.GetValue("ExpiresInDays", 180));
        Field("Expires", expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Field("Encryption", section["Encryption"]);
        Field("Acknowledgments", section["Acknowledgments"]);
        Field("Preferred-Languages", section["PreferredLanguages"] ?? "ja, en");
        Field("Canonical", section["Canonical"] ?? new Uri(origin, "/.well-known/security.txt").ToString());
        Field("Policy", section["Policy"] ?? new Uri(origin, "/report").ToString());
        Field("CSAF", new Uri(config["Shirube:Disclosure:PublicUrl"] is { Length: > 0 } csafOrigin ? new Uri(csafOrigin) : origin, "/.well-known/csaf/provider-metadata.json").ToString());
        return text.ToString();
    }
}
