using System.Text;
using System.Xml;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>One published advisory in the Atom feed: its human-readable page and, if any, its CSAF document.</summary>
/// <param name="Title">The advisory's title.</param>
/// <param name="Page">The HTML page of the advisory; also the entry's id.</param>
/// <param name="Updated">When the advisory last changed (its current release date).</param>
public sealed record AdvisoryFeedEntry(string Title, Uri Page, DateTimeOffset Updated)
{
    /// <summary>When it was first published; optional.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>A plain-text summary; optional.</summary>
    public string? Summary { get; init; }

    /// <summary>The URL of the CSAF document, linked as an alternate (application/json); optional.</summary>
    public Uri? Csaf { get; init; }

    /// <summary>The language of the page (<c>ja</c>, <c>en</c>); optional.</summary>
    public string? Language { get; init; }
}

/// <summary>An Atom 1.0 feed (RFC 4287) of the published advisories, for people's feed readers.</summary>
public static class AdvisoryAtomFeed
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>Writes the feed, newest entry first, as UTF-8 XML.</summary>
    /// <param name="title">The feed's title.</param>
    /// <param name="self">The feed's own URL; also its id.</param>
    /// <param name="home">The page listing the advisories (the feed's alternate link).</param>
    /// <param name="author">The feed's author (the publisher's name).</param>
    /// <param name="entries">The advisories.</param>
    /// <param name="updated">The feed's update time.</param>
    public static byte[] Write(string title, Uri self, Uri home, string author, IEnumerable<AdvisoryFeedEntry> entries, DateTimeOffset updated)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, self.ToString());
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("updated", AtomNamespace, ProviderFiles.Timestamp(updated));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", home, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, author);
            xml.WriteEndElement();
            foreach (var entry in entries.OrderByDescending(e => e.Updated))
            {
                xml.WriteStartElement("entry", AtomNamespace);
                if (entry.Language is { Length: > 0 } language)
                    xml.WriteAttributeString("xml", "lang", null, language);
                xml.WriteElementString("id", AtomNamespace, entry.Page.ToString());
                xml.WriteElementString("title", AtomNamespace, entry.Title);
                xml.WriteElementString("updated", AtomNamespace, ProviderFiles.Timestamp(entry.Updated));
                if (entry.Published is { } published)
                    xml.WriteElementString("published", AtomNamespace, ProviderFiles.Timestamp(published));
                Link(xml, "alternate", entry.Page, "text/html");
                if (entry.Csaf is { } csaf)
                    Link(xml, "related", csaf, "application/json");
                if (entry.Summary is { Length: > 0 } summary)
                    xml.WriteElementString("summary", AtomNamespace, summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.ToString());
        xml.WriteEndElement();
    }
}
