using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Packages;

/// <summary>What a user pastes and what Shirube makes of it: canonical forms and the reasons for refusals.</summary>
public sealed class PackageUrlTests
{
    [Theory]
    [InlineData("pkg:npm/%40acme/widget@1.2.0", "npm", "@acme", "widget", "1.2.0")]
    [InlineData("pkg:github/OpenSSL/OpenSSL@openssl-3.0.13", "github", "openssl", "openssl", "openssl-3.0.13")]
    [InlineData("pkg:PYPI/Django_Package", "pypi", null, "django-package", null)]
    [InlineData("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie", "deb", "debian", "curl", "7.50.3-1")]
    public void Parse_PastedPurl_GivesNormalisedComponents(string text, string type, string? ns, string name, string? version)
    {
        var purl = PackageUrl.Parse(text);

        Assert.Equal((type, ns, name, version), (purl.Type, purl.Namespace, purl.Name, purl.Version));
        Assert.Equal(purl, PackageUrl.Parse(purl.ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("npm/widget", "starts with 'pkg:'")]
    [InlineData("pkg:npm", "needs a name")]
    [InlineData("pkg:maven/commons-io", "needs a namespace")]
    [InlineData("pkg:pypi/acme/widget", "has no namespace")]
    [InlineData("pkg:npm/widget?in%20production=true", "qualifier key")]
    [InlineData("pkg:npm/widget@1%2", "hexadecimal")]
    public void TryParse_Malformed_IsRefusedSayingWhy(string text, string reason)
    {
        Assert.False(PackageUrl.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
