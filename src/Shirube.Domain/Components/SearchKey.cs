using Shirube.Domain.Packages;

namespace Shirube.Domain.Components;

/// <summary>
/// The search key of a package: its OSV ecosystem (lower case, without release suffix) and its name as that ecosystem
/// writes it, normalised for search (lower case; PyPI as PEP 503 says). Components and vulnerability records are
/// indexed by it, so "which product versions contain requests?" and "which versions contain what this record names?"
/// are index look-ups.
/// </summary>
/// <param name="Ecosystem">The ecosystem in lower case (<c>pypi</c>, <c>maven</c>, <c>debian</c>), or null when unknown.</param>
/// <param name="Name">The normalised name (<c>org.apache.logging.log4j:log4j-core</c>, <c>@babel/core</c>).</param>
public sealed record SearchKey(string? Ecosystem, string Name)
{
    // purl type → OSV ecosystem, for the types whose ecosystem is not named by the namespace.
    private static readonly Dictionary<string, string> EcosystemOfType = new(StringComparer.Ordinal)
    {
        ["npm"] = "npm", ["pypi"] = "PyPI", ["maven"] = "Maven", ["golang"] = "Go", ["cargo"] = "crates.io", ["nuget"] = "NuGet",
        ["gem"] = "RubyGems", ["composer"] = "Packagist", ["pub"] = "Pub", ["hex"] = "Hex", ["hackage"] = "Hackage", ["cran"] = "CRAN",
        ["swift"] = "SwiftURL", ["bitnami"] = "Bitnami", ["github"] = "GitHub Actions", ["conan"] = "ConanCenter",
    };

    // deb, apk and rpm name their distribution in the namespace.
    private static readonly Dictionary<string, string> EcosystemOfDistribution = new(StringComparer.OrdinalIgnoreCase)
    {
        ["debian"] = "Debian", ["ubuntu"] = "Ubuntu", ["alpine"] = "Alpine", ["wolfi"] = "Wolfi", ["chainguard"] = "Chainguard",
        ["redhat"] = "Red Hat", ["rocky"] = "Rocky Linux", ["rocky-linux"] = "Rocky Linux", ["almalinux"] = "AlmaLinux", ["suse"] = "SUSE",
        ["opensuse"] = "openSUSE", ["photon"] = "Photon OS", ["mageia"] = "Mageia", ["openeuler"] = "openEuler",
    };

    // Ecosystems whose package names carry their namespace ("group:artifact", "vendor/package", module paths).
    private static readonly HashSet<string> ColonJoined = new(StringComparer.OrdinalIgnoreCase) { "Maven" };
    private static readonly HashSet<string> DistributionTypes = new(StringComparer.Ordinal) { "deb", "apk", "rpm", "alpm" };

    /// <summary>The key of a purl: its ecosystem and its name with the namespace as the ecosystem joins them.</summary>
    public static SearchKey Of(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        string ecosystem;
        string name;
        if (DistributionTypes.Contains(purl.Type))
        {
            ecosystem = purl.Namespace is { } distro && EcosystemOfDistribution.TryGetValue(distro, out var known) ? known : purl.Namespace ?? purl.Type;
            name = purl.Name;
        }
        else
        {
            ecosystem = EcosystemOfType.GetValueOrDefault(purl.Type, purl.Type);
            name = purl.Namespace is { Length: > 0 } ns ? (ColonJoined.Contains(ecosystem) ? $"{ns}:{purl.Name}" : $"{ns}/{purl.Name}") : purl.Name;
        }
        return Of(ecosystem, name);
    }

    /// <summary>The key of a package as a vulnerability record names it (<c>PyPI</c>, <c>Django</c>; <c>Debian:12</c>, <c>openssl</c>).</summary>
    public static SearchKey Of(string? ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var baseEcosystem = ecosystem is null ? null : (ecosystem.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? ecosystem[..colon] : ecosystem).Trim();
        if (string.IsNullOrEmpty(baseEcosystem))
            baseEcosystem = null;
        var lowered = name.Trim().ToLowerInvariant();
        if (string.Equals(baseEcosystem, "PyPI", StringComparison.OrdinalIgnoreCase))
            lowered = Pep503(lowered);
        return new SearchKey(baseEcosystem?.ToLowerInvariant(), lowered);
    }

    /// <summary>A name typed into a search box, normalised as names are stored (lower case, and as PEP 503 would for PyPI names).</summary>
    public static IReadOnlyList<string> SearchNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = text.Trim().ToLowerInvariant();
        var pep = Pep503(lowered);
        return pep == lowered ? [lowered] : [lowered, pep];
    }

    // PEP 503, as the matcher normalises PyPI names.
    private static string Pep503(string name) => PackageNames.Normalize("PyPI", name);
}
