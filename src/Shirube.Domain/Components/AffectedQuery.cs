using System.Text.RegularExpressions;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Components;

/// <summary>What an "am I affected?" query names.</summary>
public enum AffectedQueryKind
{
    /// <summary>A package name (<c>log4j-core</c>, <c>org.apache.logging.log4j:log4j-core</c>).</summary>
    PackageName,
    /// <summary>A purl; with a version it asks for that version only.</summary>
    Purl,
    /// <summary>A CPE 2.3 name (formatted string or URI); a version other than <c>*</c> or <c>-</c> asks for that version only.</summary>
    Cpe,
    /// <summary>A vulnerability id (<c>CVE-2021-44228</c>, <c>GHSA-…</c>, <c>GO-2024-…</c>, <c>JVNDB-…</c>).</summary>
    VulnerabilityId,
}

/// <summary>
/// An "am I affected?" query, read from what a user types: a purl (<c>pkg:</c>), a CPE (<c>cpe:</c>), a vulnerability
/// id (letters, a dash, then digits or an id such as GHSA's), else a package name.
/// </summary>
public sealed partial record AffectedQuery(AffectedQueryKind Kind, string Text)
{
    /// <summary>The longest query accepted.</summary>
    public const int MaxLength = 1000;

    /// <summary>The purl, for <see cref="AffectedQueryKind.Purl"/>.</summary>
    public PackageUrl? Purl { get; private init; }
    /// <summary>The CPE, for <see cref="AffectedQueryKind.Cpe"/>.</summary>
    public Cpe? Cpe { get; private init; }

    /// <summary>The purl without version, qualifiers and subpath, as <see cref="BaseOf"/> gives it.</summary>
    public string? PurlBase => Purl is null ? null : BaseOf(Purl);

    /// <summary>The version the query asks for (purl or CPE version), or null for every version.</summary>
    public string? Version => Kind switch
    {
        AffectedQueryKind.Purl => Purl!.Version,
        AffectedQueryKind.Cpe when Cpe!.Version is not (Packages.Cpe.AnyValue or Packages.Cpe.NotApplicable or "") => Cpe.Version,
        _ => null,
    };

    /// <summary>Reads a query; <c>Components.QueryRequired</c> when blank or too long, a purl or CPE that does not parse is refused naming <c>q</c>.</summary>
    public static AffectedQuery Parse(string? text)
    {
        var q = text?.Trim() ?? string.Empty;
        Guard.That(q.Length is > 0 and <= MaxLength, () => ComponentsErrors.QueryRequired(MaxLength));
        if (q.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            if (!PackageUrl.TryParse(q, out var purl, out var error))
                throw CommonErrors.UnknownValue("q", q, error).Exception();
            return new AffectedQuery(AffectedQueryKind.Purl, q) { Purl = purl };
        }
        if (q.StartsWith("cpe:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Packages.Cpe.TryParse(q, out var cpe, out var error))
                throw CommonErrors.UnknownValue("q", q, error).Exception();
            return new AffectedQuery(AffectedQueryKind.Cpe, q) { Cpe = cpe };
        }
        return VulnerabilityIdPattern().IsMatch(q)
            ? new AffectedQuery(AffectedQueryKind.VulnerabilityId, NormaliseId(q))
            : new AffectedQuery(AffectedQueryKind.PackageName, q);
    }

    /// <summary>
    /// A purl without its version, qualifiers and subpath, in canonical form (<c>pkg:maven/org.apache/log4j-core</c>):
    /// the key that finds every version of a package.
    /// </summary>
    public static string BaseOf(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var text = purl.ToString();
        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0)
            text = text[..end];
        // The canonical form percent-encodes '@' inside names (npm scopes are %40), so the last '@' starts the version.
        var at = text.LastIndexOf('@');
        return at > 0 && purl.Version is not null ? text[..at] : text;
    }

    // Ids keep the prefix in capitals as their databases write them (cve-2021-44228 → CVE-2021-44228); GHSA's suffix is lower case.
    private static string NormaliseId(string q)
    {
        var dash = q.IndexOf('-', StringComparison.Ordinal);
        var prefix = q[..dash].ToUpperInvariant();
        return prefix == "GHSA" ? prefix + q[dash..].ToLowerInvariant() : q.ToUpperInvariant();
    }

    // The prefixes of the id namespaces OSV lists, plus CVE and JVN iPedia: CVE-2021-44228, GHSA-jfh8-c2jp-5v3q,
    // GO-2022-0001, PYSEC-2021-1, RUSTSEC-2020-0001, JVNDB-2021-005555. A known prefix keeps package names such as
    // "spring-boot-starter" from reading as ids, and
    // the digit after the prefix keeps "go-yaml" a name.
    [GeneratedRegex(@"^(GHSA(-[0-9A-Za-z]{4}){3}|(CVE|GO|PYSEC|RUSTSEC|JVNDB|OSV|GSD|DSA|DLA|DTSA|USN|UBUNTU|RHSA|RHBA|RHEA|ALSA|ALBA|RLSA|RXSA|SUSE|OPENSUSE|MAL|PSF|HSEC|RSEC|CURL|CGA|ALPINE|MGASA|PHSA|OESA|EEF|LBSEC|DEBIAN|ELSA)-(CVE-)?[0-9][0-9A-Za-z.:-]*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VulnerabilityIdPattern();
}
