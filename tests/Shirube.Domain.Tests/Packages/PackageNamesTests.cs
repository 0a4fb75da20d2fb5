using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Packages;

/// <summary>Per-ecosystem name normalisation and the mapping between purl types and OSV ecosystems, both ways.</summary>
public sealed class PackageNamesTests
{
    /// <summary>Two spellings of a name in one ecosystem, and whether they are the same package.</summary>
    public sealed record Spelling(string Ecosystem, string A, string B, bool Same)
    {
        public override string ToString() => $"in {Ecosystem}, '{A}' and '{B}' are {(Same ? "one package" : "two packages")}";
    }

    public static TheoryData<Spelling> Spellings => new(
        new Spelling("PyPI", "Django_REST.framework", "django-rest-framework", true),
        new Spelling("PyPI", "zope.interface", "zope-interface", true),
        new Spelling("PyPI", "a--b", "a-b", true),
        new Spelling("npm", "JSONStream", "jsonstream", true),
        new Spelling("npm", "@Babel/Core", "@babel/core", true),
        new Spelling("npm", "@babel/core", "babel-core", false),
        new Spelling("NuGet", "Newtonsoft.Json", "newtonsoft.json", true),
        new Spelling("crates.io", "serde_json", "Serde-Json", true),
        new Spelling("RubyGems", "Rails", "rails", true),
        new Spelling("Packagist", "Symfony/Http-Kernel", "symfony/http-kernel", true),
        new Spelling("Go", "github.com/BurntSushi/toml", "github.com/burntsushi/toml", false),
        new Spelling("Maven", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:Log4j-Core", false),
        new Spelling("SwiftURL", "https://github.com/Vapor/Vapor.git", "github.com/vapor/vapor", true),
        new Spelling("pypi", "Flask", "flask", true),
        new Spelling("Debian:12", "OpenSSL", "openssl", true));

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Two_spellings_are_one_package_exactly_when_the_ecosystem_says_so(Spelling row)
    {
        var same = PackageNames.KeyOf(row.Ecosystem, row.A) == PackageNames.KeyOf(row.Ecosystem, row.B);

        Assert.Equal(row.Same, same);
    }

    /// <summary>A purl and the OSV package it names (both ways, unless <see cref="OneWay"/>).</summary>
    public sealed record Mapping(string Purl, string Ecosystem, string Name, bool OneWay = false)
    {
        public override string ToString() => $"{Purl} is {Ecosystem} {Name}";
    }

    public static TheoryData<Mapping> Mappings => new(
        new Mapping("pkg:npm/lodash@4.17.20", "npm", "lodash"),
        new Mapping("pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core"),
        new Mapping("pkg:pypi/django-rest-framework@3.0", "PyPI", "django-rest-framework"),
        new Mapping("pkg:golang/github.com/gin-gonic/gin@v1.9.0", "Go", "github.com/gin-gonic/gin"),
        new Mapping("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Maven", "org.apache.logging.log4j:log4j-core"),
        new Mapping("pkg:cargo/serde_json@1.0.0", "crates.io", "serde_json"),
        new Mapping("pkg:gem/rails@7.0.0", "RubyGems", "rails"),
        new Mapping("pkg:composer/symfony/http-kernel@6.0.0", "Packagist", "symfony/http-kernel"),
        new Mapping("pkg:nuget/Newtonsoft.Json@13.0.1", "NuGet", "Newtonsoft.Json"),
        new Mapping("pkg:hex/plug@1.0.0", "Hex", "plug"),
        new Mapping("pkg:pub/http@1.0.0", "Pub", "http"),
        new Mapping("pkg:hackage/aeson@2.0.0.0", "Hackage", "aeson"),
        new Mapping("pkg:cran/readr@2.0.0", "CRAN", "readr"),
        new Mapping("pkg:swift/github.com/vapor/vapor@4.0.0", "SwiftURL", "github.com/vapor/vapor"),
        new Mapping("pkg:bitnami/wordpress@6.0.0", "Bitnami", "wordpress"),
        new Mapping("pkg:deb/debian/openssl@3.0.11-1?distro=debian-12", "Debian:12", "openssl"),
        new Mapping("pkg:deb/debian/openssl@3.0.11-1?distro=bookworm", "Debian:12", "openssl", OneWay: true),
        new Mapping("pkg:deb/debian/openssl@3.0.11-1", "Debian", "openssl"),
        new Mapping("pkg:deb/ubuntu/openssl@3.0.2?distro=ubuntu-22.04", "Ubuntu:22.04:LTS", "openssl"),
        new Mapping("pkg:deb/ubuntu/openssl@3.0.2?distro=jammy", "Ubuntu:22.04:LTS", "openssl", OneWay: true),
        new Mapping("pkg:deb/ubuntu/openssl@3.0.10?distro=ubuntu-23.10", "Ubuntu:23.10", "openssl"),
        new Mapping("pkg:apk/alpine/busybox@1.36.1-r2?distro=alpine-3.20", "Alpine:v3.20", "busybox"),
        new Mapping("pkg:apk/alpine/busybox@1.36.1-r2?distro=alpine-3.20.3", "Alpine:v3.20", "busybox", OneWay: true),
        new Mapping("pkg:apk/wolfi/glibc@2.39-r1", "Wolfi", "glibc"),
        new Mapping("pkg:apk/chainguard/glibc@2.39-r1", "Chainguard", "glibc"),
        new Mapping("pkg:rpm/redhat/openssl@3.0.7?distro=rhel_aus:8.4::appstream", "Red Hat:rhel_aus:8.4::appstream", "openssl"),
        new Mapping("pkg:rpm/rocky/openssl@3.0.7?distro=rocky-9", "Rocky Linux:9", "openssl"),
        new Mapping("pkg:rpm/almalinux/openssl@3.0.7?distro=almalinux-9", "AlmaLinux:9", "openssl"),
        new Mapping("pkg:rpm/suse/openssl@3.0.7?distro=SUSE%20Linux%20Enterprise%20Server%2015%20SP5", "SUSE:SUSE Linux Enterprise Server 15 SP5", "openssl"),
        new Mapping("pkg:rpm/opensuse/openssl@3.0.7", "openSUSE", "openssl"),
        new Mapping("pkg:rpm/photon/openssl@3.0.7?distro=photon-5.0", "Photon OS:5.0", "openssl"),
        new Mapping("pkg:rpm/mageia/openssl@3.0.7?distro=mageia-9", "Mageia:9", "openssl"),
        new Mapping("pkg:rpm/openeuler/openssl@3.0.7?distro=openeuler-22.03-LTS-SP1", "openEuler:22.03-LTS-SP1", "openssl"));

    [Theory]
    [MemberData(nameof(Mappings))]
    public void A_purl_names_its_OSV_package(Mapping row)
    {
        Assert.True(PackageNames.TryFromPurl(PackageUrl.Parse(row.Purl), out var package));

        Assert.Equal((row.Ecosystem, row.Name), (package.Ecosystem, package.Name));
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void An_OSV_package_gives_back_its_purl(Mapping row)
    {
        var purl = PackageUrl.Parse(row.Purl);

        Assert.True(PackageNames.TryToPurl(row.Ecosystem, row.Name, purl.Version, out var back));

        if (!row.OneWay)
        {
            Assert.Equal(purl, back);
            return;
        }
        // Another spelling of the distro qualifier (a code name, a point release): the way back writes the numbered
        // one, which names the same OSV package.
        Assert.Equal((purl.Type, purl.Namespace, purl.Name, purl.Version), (back.Type, back.Namespace, back.Name, back.Version));
        Assert.NotEqual(purl.Qualifiers["distro"], back.Qualifiers["distro"]);
        Assert.True(PackageNames.TryFromPurl(back, out var again));
        Assert.Equal((row.Ecosystem, row.Name), (again.Ecosystem, again.Name));
    }

    [Theory]
    [InlineData("pkg:generic/openssl@1.0.2")]
    [InlineData("pkg:github/openssl/openssl@1.0.2")]
    [InlineData("pkg:deb/kali/openssl@3.0.0")]
    public void A_purl_type_OSV_has_no_ecosystem_for_maps_to_nothing(string purl) =>
        Assert.False(PackageNames.TryFromPurl(PackageUrl.Parse(purl), out _));

    [Theory]
    [InlineData("Debian:12", "Debian", "12")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "Ubuntu", "Pro:18.04:LTS")]
    [InlineData("Maven:https://maven.google.com", "Maven", null)]
    [InlineData("crates.io", "crates.io", null)]
    [InlineData("PYPI", "PyPI", null)]
    public void An_ecosystem_string_splits_into_its_base_and_the_release_it_is_scoped_to(string ecosystem, string baseName, string? release)
    {
        Assert.Equal(baseName, PackageNames.EcosystemBase(ecosystem));
        Assert.Equal(release, PackageNames.Release(ecosystem));
    }

    [Fact]
    public void Every_ecosystem_of_the_OSV_schema_is_known_by_its_own_spelling()
    {
        var folder = SharedCorpora.Folder("osv-schema", "the OSV ecosystems");
        var ecosystems = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ecosystems.json")))!.AsObject()
            .Select(p => p.Key).ToList();

        Assert.NotEmpty(ecosystems);
        Assert.All(ecosystems, e => Assert.Equal(e, PackageNames.EcosystemBase(e.ToUpperInvariant())));
    }
}
