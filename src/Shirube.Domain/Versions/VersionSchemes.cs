using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// The version scheme of each OSV ecosystem (ecosystems.json of the OSV schema). The ecosystem may carry a release
/// suffix (<c>Debian:12</c>, <c>Alpine:v3.20</c>, <c>Ubuntu:22.04:LTS</c>): the scheme is the one of the part before
/// the first ':'.
/// </summary>
public static class VersionSchemes
{
    private static readonly Dictionary<string, VersionScheme> ByEcosystem = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SEMVER"] = SemverScheme.Instance,
        ["npm"] = SemverLikeScheme.Npm,
        ["crates.io"] = SemverLikeScheme.CratesIo,
        ["Go"] = SemverLikeScheme.Go,
        ["Hex"] = SemverLikeScheme.Hex,
        ["SwiftURL"] = SemverLikeScheme.SwiftUrl,
        ["Bitnami"] = SemverLikeScheme.Bitnami,
        ["Pub"] = SemverLikeScheme.Pub,
        ["PyPI"] = Pep440Scheme.Instance,
        ["Maven"] = MavenScheme.Instance,
        ["NuGet"] = NuGetScheme.Instance,
        ["RubyGems"] = RubyGemsScheme.Instance,
        ["Packagist"] = PackagistScheme.Instance,
        ["Hackage"] = NumberListScheme.Hackage,
        ["CRAN"] = NumberListScheme.Cran,
        ["Bioconductor"] = NumberListScheme.Bioconductor,
        ["Debian"] = DpkgScheme.Debian,
        ["Ubuntu"] = DpkgScheme.Ubuntu,
        ["Alpine"] = ApkScheme.Alpine,
        ["Wolfi"] = ApkScheme.Wolfi,
        ["Chainguard"] = ApkScheme.Chainguard,
        ["Red Hat"] = RpmScheme.RedHat,
        ["Rocky Linux"] = RpmScheme.RockyLinux,
        ["AlmaLinux"] = RpmScheme.AlmaLinux,
        ["SUSE"] = RpmScheme.Suse,
        ["openSUSE"] = RpmScheme.OpenSuse,
        ["Photon OS"] = RpmScheme.PhotonOs,
        ["Mageia"] = RpmScheme.Mageia,
        ["openEuler"] = RpmScheme.OpenEuler,
    };

    /// <summary>The ecosystems (without release suffix) whose versions Shirube orders.</summary>
    public static IReadOnlyCollection<string> Ecosystems => ByEcosystem.Keys;

    /// <summary>The scheme of an OSV ecosystem name, or false when Shirube knows no scheme for it.</summary>
    public static bool TryFor([NotNullWhen(true)] string? ecosystem, [NotNullWhen(true)] out VersionScheme? scheme)
    {
        scheme = null;
        if (string.IsNullOrWhiteSpace(ecosystem))
        {
            return false;
        }
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var baseName = colon < 0 ? ecosystem.Trim() : ecosystem[..colon].Trim();
        return ByEcosystem.TryGetValue(baseName, out scheme);
    }
}
