using Shirube.Domain.Vulnerabilities.Suppliers;

namespace Shirube.Domain.Tests.Vulnerabilities.Suppliers;

public class SupplierProviderTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Uri Metadata = new("https://psirt.hikari.example/.well-known/csaf/provider-metadata.json");

    [Theory]
    [InlineData("ftp://psirt.hikari.example/provider-metadata.json")]
    [InlineData("file:///etc/provider-metadata.json")]
    public void Configure_UrlThatIsNotHttp_IsRefusedAsNotAUrl(string url)
    {
        var e = Assert.Throws<DomainException>(() => SupplierProvider.Configure("Hikari", new Uri(url), true, "ken", Now));

        Assert.Equal(("Suppliers.NotAUrl", "url"), (e.Error.Code, e.Field));
    }

    [Fact]
    public void Configure_BlankName_IsRefusedAsRequired()
    {
        var e = Assert.Throws<DomainException>(() => SupplierProvider.Configure("  ", Metadata, true, "ken", Now));

        Assert.Equal(("Common.Required", "name"), (e.Error.Code, e.Field));
    }

    [Fact]
    public void Record_ASecondSync_ReplacesTheFirstOutcomeAndItsRefusals()
    {
        var provider = SupplierProvider.Configure(" Hikari Modules ", Metadata, true, "ken", Now);
        provider.Record(new SupplierSync(Now, SupplierSyncOutcome.Imported, 2, 2, 1, null,
            [new SupplierRefusal("https://psirt.hikari.example/white/2026/hm-2026-0012.json", "BadHash", "does not match its .sha256")]));

        provider.Record(new SupplierSync(Now.AddHours(1), SupplierSyncOutcome.Failed, 0, 0, 0, "provider-metadata.json answered 503.", []));

        Assert.Equal(("Hikari Modules", SupplierSyncOutcome.Failed, Now.AddHours(1), 0, "provider-metadata.json answered 503."),
            (provider.Name, provider.LastOutcome, provider.LastSyncAt, provider.DocumentsAccepted, provider.LastError));
        Assert.Empty(provider.Refusals);
    }

    [Fact]
    public void Record_MoreRefusalsThanKept_KeepsTheFirstAndSaysHowManyMoreThereWere()
    {
        var provider = SupplierProvider.Configure("Hikari", Metadata, true, "ken", Now);
        var refusals = Enumerable.Range(0, SupplierProvider.MaxRefusals + 3).Select(i => new SupplierRefusal($"https://h.example/{i}.json", "BadHash", "bad")).ToList();

        provider.Record(new SupplierSync(Now, SupplierSyncOutcome.Imported, 0, 0, 0, null, refusals));

        Assert.Equal(SupplierProvider.MaxRefusals, provider.Refusals.Count);
        Assert.EndsWith("(3 more refusals not kept.)", provider.Refusals[^1].Message, StringComparison.Ordinal);
    }
}
