using Shirube.Domain.Packages;
using Shirube.Domain.Stakeholders;

namespace Shirube.Domain.Tests.Stakeholders;

/// <summary>Which suppliers a component finding names, and in which order.</summary>
public sealed class SupplierLookupTests
{
    private static readonly Stakeholder OpenSsl = Supplier("OpenSSL", ["pkg:github/openssl", "pkg:generic/openssl"], ["openssl"]);
    private static readonly Stakeholder AcmeScope = Supplier("Acme (npm scope)", ["pkg:npm/@acme"], []);
    private static readonly Stakeholder AcmeWidgets = Supplier("Acme Widgets team", ["pkg:npm/@acme/widget-"], ["acme"]);
    private static readonly Stakeholder[] Registry = [OpenSsl, AcmeScope, AcmeWidgets, Stakeholder.Defaults()[0]];

    [Theory]
    [InlineData("pkg:npm/%40acme/widget-core@1.0.0", "Acme Widgets team:PurlNamePrefix, Acme (npm scope):PurlNamespace")]
    [InlineData("pkg:npm/%40acme/gadget", "Acme (npm scope):PurlNamespace")]
    [InlineData("pkg:github/OpenSSL/openssl@openssl-3.0.13", "OpenSSL:PurlNamespace")]
    [InlineData("pkg:generic/openssl@1.1.1w", "OpenSSL:PurlName")]
    [InlineData("pkg:npm/lodash@4.17.21", "")]
    [InlineData("pkg:pypi/acme", "")]
    public void For_Purl_GivesMatchingSuppliersMostSpecificFirst(string purl, string expected)
    {
        var matches = SupplierLookup.For(Registry, PackageUrl.Parse(purl));

        Assert.Equal(expected, string.Join(", ", matches.Select(m => $"{m.Supplier.NameEn}:{m.Match}")));
    }

    [Theory]
    [InlineData("cpe:2.3:a:openssl:openssl:3.0.0:*:*:*:*:*:*:*", "OpenSSL")]
    [InlineData("cpe:/a:ACME:widget:1.0", "Acme Widgets team")]
    [InlineData("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "")]
    public void For_Cpe_GivesSuppliersOfThatVendor(string cpe, string expected)
    {
        Assert.Equal(expected, string.Join(", ", SupplierLookup.For(Registry, Cpe.Parse(cpe)).Select(m => m.Supplier.NameEn)));
    }

    [Theory]
    [InlineData("pkg:github/OpenSSL", "pkg:github/openssl")]
    [InlineData("pkg:npm/@acme", "pkg:npm/@acme")]
    [InlineData("pkg:npm/%40acme/", "pkg:npm/@acme")]
    [InlineData("pkg:maven/org.apache.logging.log4j", "pkg:maven/org.apache.logging.log4j")]
    [InlineData("pkg:PyPI/Acme_", "pkg:pypi/acme-")]
    public void PurlKey_Written_IsStoredInTheTypesCanonicalCase(string text, string expected)
    {
        Assert.True(PurlKey.TryParse(text, out var key, out var error), error);
        Assert.Equal(expected, key.ToString());
    }

    [Theory]
    [InlineData("github/openssl")]
    [InlineData("pkg:github")]
    [InlineData("pkg:npm/@acme/widget@1.0")]
    [InlineData("pkg:pypi/a/b")]
    public void PurlKey_Malformed_IsRefused(string text)
    {
        Assert.False(PurlKey.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void SetSupplierKeys_OnACustomer_IsRefused()
    {
        var customer = Stakeholder.Create(StakeholderKind.Customer, new StakeholderDetails("顧客", "Customer"));
        var e = Assert.Throws<DomainException>(() => customer.SetSupplierKeys(["pkg:npm/@acme"], []));
        Assert.Equal(("Stakeholders.OnlySuppliersHaveKeys", "purlKeys"), (e.Error.Code, e.Field));
    }

    public sealed record InvalidDetails(string Why, StakeholderDetails Details, string Field, string Code)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<InvalidDetails> Invalid => new(
        new InvalidDetails("no Japanese name", new StakeholderDetails(" ", "Acme"), "nameJa", "Common.Required"),
        new InvalidDetails("an English name too long", new StakeholderDetails("アクメ", new string('a', 201)), "nameEn", "Common.TooLong"),
        new InvalidDetails("an email without a domain", new StakeholderDetails("アクメ", "Acme", Email: "psirt@"), "email", "Stakeholders.NotAnEmail"),
        new InvalidDetails("a phone with letters", new StakeholderDetails("アクメ", "Acme", Phone: "call me"), "phone", "Stakeholders.NotAPhone"),
        new InvalidDetails("an ftp web page", new StakeholderDetails("アクメ", "Acme", WebPage: "ftp://acme.example"), "webPage", "Stakeholders.NotAWebPage"),
        new InvalidDetails("a language with a space", new StakeholderDetails("アクメ", "Acme", PreferredLanguage: "ja jp"), "preferredLanguage", "Stakeholders.NotALanguageTag"));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Update_InvalidDetails_IsRefusedNamingTheField_AndChangesNothing(InvalidDetails c)
    {
        var supplier = Stakeholder.Create(StakeholderKind.Supplier, new StakeholderDetails("サプライヤー", "Supplier"));
        var e = Assert.Throws<DomainException>(() => supplier.Update(c.Details));
        Assert.Equal((c.Code, c.Field), (e.Error.Code, e.Field));
        Assert.Equal(("サプライヤー", "Supplier"), (supplier.NameJa, supplier.NameEn));
    }

    [Fact]
    public void SetSupplierKeys_ABadKeyOrVendor_IsRefusedWithIt()
    {
        var supplier = Stakeholder.Create(StakeholderKind.Supplier, new StakeholderDetails("サプライヤー", "Supplier"));
        var key = Assert.Throws<DomainException>(() => supplier.SetSupplierKeys(["npm/acme"], [])).Error;
        Assert.Equal(("Stakeholders.NotAPackageKey", "purlKeys"), (key.Code, key.Field));
        Assert.Equal(["npm/acme"], key.Args);
        var vendor = Assert.Throws<DomainException>(() => supplier.SetSupplierKeys([], ["open ssl"])).Error;
        Assert.Equal(("Stakeholders.NotACpeVendor", "cpeVendors"), (vendor.Code, vendor.Field));
        Assert.Equal("Stakeholders.OnlyCustomersHaveProducts", Assert.Throws<DomainException>(() => supplier.LinkProducts([Guid.NewGuid()])).Error.Code);
    }

    [Fact]
    public void Defaults_Coordinators_HaveHomePagesButNoInventedContacts()
    {
        var coordinators = Stakeholder.Defaults().Where(s => s.Kind == StakeholderKind.Coordinator).ToList();

        Assert.Contains(coordinators, s => s.NameEn.Contains("JPCERT/CC", StringComparison.Ordinal));
        Assert.Contains(coordinators, s => s.NameEn.Contains("(IPA)", StringComparison.Ordinal));
        Assert.Contains(coordinators, s => s.NameEn.Contains("CERT/CC", StringComparison.Ordinal));
        Assert.All(coordinators, s => Assert.True(s.ContactToBeConfirmed && s.WebPage!.StartsWith("https://", StringComparison.Ordinal)));
    }

    private static Stakeholder Supplier(string name, string[] keys, string[] vendors)
    {
        var supplier = Stakeholder.Create(StakeholderKind.Supplier, new StakeholderDetails(name, name));
        supplier.SetSupplierKeys(keys, vendors);
        return supplier;
    }
}
