using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Shirube.Domain.Packages;

/// <summary>
/// A package as OSV names it: the ecosystem (with its release suffix, <c>Debian:12</c>) and the package name as the
/// ecosystem writes it (<c>github.com/gin-gonic/gin</c>, <c>org.apache.logging.log4j:log4j-core</c>, <c>@babel/core</c>).
/// </summary>
/// <param name="Ecosystem">The OSV ecosystem, release suffix included.</param>
/// <param name="Name">The package name in the ecosystem's spelling.</param>
public sealed record EcosystemPackage(string Ecosystem, string Name)
{
    /// <summary>The key under which indexes find this package: ecosystem without suffix, normalised name.</summary>
    public PackageKey Key => PackageNames.KeyOf(Ecosystem, Name);

    /// <summary>The release suffix of a distribution ecosystem (<c>12</c> of <c>Debian:12</c>), else null.</summary>
    public string? Release => PackageNames.Release(Ecosystem);
}

/// <summary>
/// The identity of a package for lookups: the OSV ecosystem without its suffix (canonical spelling, <c>PyPI</c>) and
/// the name normalised by that ecosystem's rules, so that two spellings of one package give one key.
/// </summary>
/// <param name="Ecosystem">The OSV ecosystem name without suffix.</param>
/// <param name="Name">The normalised name.</param>
public readonly record struct PackageKey(string Ecosystem, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Ecosystem}/{Name}";
}

/// <summary>
/// Per-ecosystem package names: the normalisation that makes two spellings of one package equal (PEP 503 for PyPI,
/// case rules of npm, NuGet, crates.io…), and the mapping between package URL types and OSV ecosystems, both ways.
/// </summary>
/// <remarks>
/// Which names are case-insensitive, and why:
/// PyPI (PEP 503: lowercase, runs of '-', '_', '.' are one '-'); npm (new names must be lowercase and the registry
/// refuses names that differ only in case, so legacy mixed-case names stay unique when lowercased); NuGet (ids are
/// case-insensitive); crates.io (case-insensitive, '-' and '_' are the same crate); RubyGems and Packagist (the
/// registries refuse names differing only in case; Packagist names are lowercase vendor/package); Hex, Pub, Bitnami,
/// Debian, Ubuntu, Alpine, Wolfi, Chainguard (names are lowercase by rule); SwiftURL (a URL: the scheme and a
/// trailing ".git" are dropped, then lowercase, as the hosts are case-insensitive).
/// Case-sensitive, kept as written: Go module paths, Maven groupId:artifactId, CRAN, Hackage, the RPM family and any
/// other ecosystem.
/// </remarks>
public static class PackageNames
{
    /// <summary>OSV ecosystems (ecosystems.json of the OSV schema), by any casing, to their canonical spelling.</summary>
    private static readonly Dictionary<string, string> Canonical = new[]
    {
        "AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "BellSoft Hardened Containers", "Bioconductor", "Bitnami",
        "Chainguard", "CleanStart", "ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images", "Echo", "FreeBSD",
        "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Kubernetes", "Linux", "Mageia", "Maven", "MinimOS", "npm",
        "NuGet", "opam", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux",
        "Root", "RubyGems", "SUSE", "SwiftURL", "TuxCare", "Ubuntu", "VSCode", "Wolfi",
    }.ToDictionary(e => e, StringComparer.OrdinalIgnoreCase);

    /// <summary>Ecosystems whose suffix names a release of a distribution (it scopes versions); other suffixes name a repository.</summary>
    private static readonly HashSet<string> Distributions = new(StringComparer.Ordinal)
    {
        "AlmaLinux", "Alpaquita", "Alpine", "Azure Linux", "BellSoft Hardened Containers", "Debian", "Echo", "Mageia", "MinimOS",
        "openEuler", "openSUSE", "Photon OS", "Red Hat", "Rocky Linux", "SUSE", "TuxCare", "Ubuntu",
    };

    /// <summary>Package URL types whose name maps one to one to an OSV ecosystem (distributions are handled apart).</summary>
    private static readonly Dictionary<string, string> EcosystemOfType = new(StringComparer.Ordinal)
    {
        ["npm"] = "npm", ["pypi"] = "PyPI", ["golang"] = "Go", ["maven"] = "Maven", ["cargo"] = "crates.io", ["gem"] = "RubyGems",
        ["composer"] = "Packagist", ["nuget"] = "NuGet", ["hex"] = "Hex", ["pub"] = "Pub", ["hackage"] = "Hackage", ["cran"] = "CRAN",
        ["swift"] = "SwiftURL", ["bitnami"] = "Bitnami", ["conan"] = "ConanCenter", ["opam"] = "opam", ["githubactions"] = "GitHub Actions",
    };

    private static readonly Dictionary<string, string> TypeOfEcosystem = EcosystemOfType.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>rpm namespaces (purl) and their OSV ecosystems.</summary>
    private static readonly Dictionary<string, string> RpmVendors = new(StringComparer.Ordinal)
    {
        ["redhat"] = "Red Hat", ["rocky"] = "Rocky Linux", ["almalinux"] = "AlmaLinux", ["suse"] = "SUSE", ["opensuse"] = "openSUSE",
        ["photon"] = "Photon OS", ["mageia"] = "Mageia", ["openeuler"] = "openEuler", ["azurelinux"] = "Azure Linux",
    };

    private static readonly Dictionary<string, string> RpmVendorOf = RpmVendors.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    // Debian releases by code name (distro-info-data), for a purl distro qualifier written as a code name.
    private static readonly Dictionary<string, string> DebianCodeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wheezy"] = "7", ["jessie"] = "8", ["stretch"] = "9", ["buster"] = "10", ["bullseye"] = "11", ["bookworm"] = "12",
        ["trixie"] = "13", ["forky"] = "14", ["sid"] = "sid",
    };

    private static readonly Dictionary<string, string> UbuntuCodeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trusty"] = "14.04", ["xenial"] = "16.04", ["bionic"] = "18.04", ["focal"] = "20.04", ["jammy"] = "22.04", ["kinetic"] = "22.10",
        ["lunar"] = "23.04", ["mantic"] = "23.10", ["noble"] = "24.04", ["oracular"] = "24.10", ["plucky"] = "25.04", ["questing"] = "25.10",
    };

    /// <summary>The ecosystem without its suffix, in OSV's spelling (<c>pypi</c> → <c>PyPI</c>, <c>Debian:12</c> → <c>Debian</c>).</summary>
    public static string EcosystemBase(string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var baseName = (colon < 0 ? ecosystem : ecosystem[..colon]).Trim();
        return Canonical.TryGetValue(baseName, out var canonical) ? canonical : baseName;
    }

    /// <summary>
    /// The release a distribution ecosystem is scoped to (<c>12</c> of <c>Debian:12</c>, <c>22.04:LTS</c> of
    /// <c>Ubuntu:22.04:LTS</c>), or null: no suffix, or a suffix that names a repository (<c>Maven:https://…</c>).
    /// </summary>
    public static string? Release(string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !Distributions.Contains(EcosystemBase(ecosystem)))
            return null;
        var release = ecosystem[(colon + 1)..].Trim();
        return release.Length == 0 ? null : release;
    }

    /// <summary>The lookup key of a package: ecosystem without suffix and name normalised by its rules.</summary>
    public static PackageKey KeyOf(string ecosystem, string name)
    {
        var baseName = EcosystemBase(ecosystem);
        return new PackageKey(baseName, Normalize(baseName, name));
    }

    /// <summary>The name normalised by the rules of <paramref name="ecosystem"/> (see the remarks of this class).</summary>
    public static string Normalize(string ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        return EcosystemBase(ecosystem) switch
        {
            "PyPI" => Pep503(name),
            "crates.io" => name.ToLowerInvariant().Replace('_', '-'),
            "npm" or "NuGet" or "RubyGems" or "Packagist" or "Hex" or "Pub" or "Bitnami" or "Debian" or "Ubuntu" or "Alpine" or "Wolfi"
                or "Chainguard" => name.ToLowerInvariant(),
            "SwiftURL" => SwiftUrl(name),
            _ => name,
        };
    }

    // PEP 503: lowercase, and every run of '-', '_' or '.' becomes one '-'.
    private static string Pep503(string name)
    {
        var builder = new StringBuilder(name.Length);
        var inRun = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inRun)
                    builder.Append('-');
                inRun = true;
                continue;
            }
            inRun = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string SwiftUrl(string name)
    {
        var text = name.ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            text = text[(scheme + 3)..];
        text = text.TrimEnd('/');
        return text.EndsWith(".git", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>
    /// The OSV package a package URL names: the ecosystem (with the release its <c>distro</c> qualifier names, for
    /// deb, apk and rpm) and the name as OSV writes it. False for a type OSV has no ecosystem for.
    /// </summary>
    public static bool TryFromPurl(PackageUrl purl, [NotNullWhen(true)] out EcosystemPackage? package)
    {
        ArgumentNullException.ThrowIfNull(purl);
        package = null;
        var ns = purl.Namespace;
        purl.Qualifiers.TryGetValue("distro", out var distro);
        switch (purl.Type)
        {
            case "deb" when ns is "debian" or "ubuntu":
                var debianLike = ns == "debian" ? "Debian" : "Ubuntu";
                package = new(WithRelease(debianLike, distro is null ? null : DistroRelease(debianLike, distro)), purl.Name);
                return true;
            case "apk" when ns is "alpine" or "wolfi" or "chainguard":
                var apk = ns switch { "alpine" => "Alpine", "wolfi" => "Wolfi", _ => "Chainguard" };
                package = new(WithRelease(apk, apk == "Alpine" && distro is not null ? DistroRelease(apk, distro) : null), purl.Name);
                return true;
            case "rpm" when ns is not null && RpmVendors.TryGetValue(ns, out var rpm):
                package = new(WithRelease(rpm, distro is null ? null : DistroRelease(rpm, distro)), purl.Name);
                return true;
        }
        if (!EcosystemOfType.TryGetValue(purl.Type, out var ecosystem))
            return false;
        var name = purl.Type switch
        {
            "maven" => $"{ns}:{purl.Name}",
            "npm" when ns is not null => (ns.StartsWith('@') ? ns : "@" + ns) + "/" + purl.Name,
            _ when ns is not null => ns + "/" + purl.Name,
            _ => purl.Name,
        };
        package = new(ecosystem, name);
        return true;
    }

    /// <summary>
    /// The package URL of an OSV package (at <paramref name="version"/>, if given): the reverse of
    /// <see cref="TryFromPurl"/>. A distribution release becomes the <c>distro</c> qualifier. False for an ecosystem
    /// without a purl type, or a name the type cannot hold.
    /// </summary>
    public static bool TryToPurl(string ecosystem, string name, string? version, [NotNullWhen(true)] out PackageUrl? purl)
    {
        ArgumentNullException.ThrowIfNull(name);
        purl = null;
        var baseName = EcosystemBase(ecosystem);
        var release = Release(ecosystem);
        string type;
        string? ns = null;
        var local = name;
        List<KeyValuePair<string, string?>> qualifiers = [];
        switch (baseName)
        {
            case "Debian" or "Ubuntu":
                type = "deb";
                ns = baseName.ToLowerInvariant();
                if (release is not null)
                    qualifiers.Add(new("distro", DistroQualifier(baseName, release)));
                break;
            case "Alpine" or "Wolfi" or "Chainguard":
                type = "apk";
                ns = baseName.ToLowerInvariant();
                if (release is not null)
                    qualifiers.Add(new("distro", DistroQualifier(baseName, release)));
                break;
            case var rpm when RpmVendorOf.TryGetValue(rpm, out var vendor):
                type = "rpm";
                ns = vendor;
                if (release is not null)
                    qualifiers.Add(new("distro", DistroQualifier(baseName, release)));
                break;
            case "Maven":
                type = "maven";
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == name.Length - 1)
                    return false;
                ns = name[..colon];
                local = name[(colon + 1)..];
                break;
            case var other when TypeOfEcosystem.TryGetValue(other, out var t):
                type = t;
                var slash = name.LastIndexOf('/');
                if (slash > 0)
                {
                    ns = name[..slash];
                    local = name[(slash + 1)..];
                }
                if (type == "swift")
                {
                    // OSV writes a Swift package as its Git URL; the purl holds host/owner as namespace.
                    var path = SwiftUrl(name);
                    var last = path.LastIndexOf('/');
                    if (last <= 0)
                        return false;
                    ns = path[..last];
                    local = path[(last + 1)..];
                }
                break;
            default:
                return false;
        }
        try
        {
            purl = PackageUrl.Create(type, ns, local, version, qualifiers);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string WithRelease(string ecosystem, string? release) => release is null ? ecosystem : $"{ecosystem}:{release}";

    /// <summary>
    /// The OSV release suffix for a purl <c>distro</c> qualifier: <c>debian-12</c>, <c>bookworm</c> or <c>12</c> →
    /// <c>12</c>; <c>ubuntu-22.04</c> or <c>jammy</c> → <c>22.04:LTS</c>; <c>alpine-3.20.1</c> → <c>v3.20</c>;
    /// <c>rocky-9.3</c> → <c>9</c>; other distributions keep the value after their own name.
    /// </summary>
    private static string DistroRelease(string ecosystem, string distro)
    {
        var value = distro.Trim();
        var prefix = (RpmVendorOf.TryGetValue(ecosystem, out var vendor) ? vendor : ecosystem.ToLowerInvariant()) + "-";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            value = value[prefix.Length..];
        switch (ecosystem)
        {
            case "Debian":
                if (DebianCodeNames.TryGetValue(value, out var debian))
                    return debian;
                return FirstNumber(value) ?? value;
            case "Ubuntu":
                if (UbuntuCodeNames.TryGetValue(value, out var ubuntu))
                    value = ubuntu;
                var parts = value.Split('.');
                var lts = parts.Length >= 2 && parts[1] == "04" && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year % 2 == 0;
                var yearMonth = parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : value;
                return lts ? yearMonth + ":LTS" : yearMonth;
            case "Alpine":
                var alpine = value.TrimStart('v').Split('.');
                return alpine.Length >= 2 ? $"v{alpine[0]}.{alpine[1]}" : "v" + value.TrimStart('v');
            case "Rocky Linux" or "AlmaLinux":
                return FirstNumber(value.StartsWith("el", StringComparison.OrdinalIgnoreCase) ? value[2..] : value) ?? value;
            default:
                return value;
        }
    }

    /// <summary>The purl <c>distro</c> qualifier for an OSV release suffix (the reverse of <see cref="DistroRelease"/>).</summary>
    private static string DistroQualifier(string ecosystem, string release) => ecosystem switch
    {
        "Debian" => "debian-" + release,
        // "Pro:18.04:LTS" and "22.04:LTS": the purl names the release only.
        "Ubuntu" => "ubuntu-" + release.Split(':').First(p => p.Length > 0 && char.IsAsciiDigit(p[0])),
        "Alpine" => "alpine-" + release.TrimStart('v'),
        "Red Hat" or "SUSE" or "openSUSE" => release,
        _ => (RpmVendorOf.TryGetValue(ecosystem, out var vendor) ? vendor : ecosystem.ToLowerInvariant()) + "-" + release,
    };

    private static string? FirstNumber(string value)
    {
        var end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
            end++;
        return end == 0 ? null : value[..end];
    }
}
