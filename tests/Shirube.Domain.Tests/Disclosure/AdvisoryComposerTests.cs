using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Domain.Tests.Disclosure;

public class AdvisoryComposerTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DocumentPublisher Publisher = new("Example Devices", new Uri("https://psirt.example.com"));
    private static readonly VersionFacts V20 = new(Guid.CreateVersion7(), "2.0");
    private static readonly VersionFacts V21 = new(Guid.CreateVersion7(), "2.1", "pkg:generic/example/hr-300", null);
    private static readonly VersionFacts V30 = new(Guid.CreateVersion7(), "3.0");
    private static readonly ProductFacts Product = new("家庭用機器事業部", "Home Devices", "HR-300", [V20, V21, V30]);

    private static VulnerabilityCase Case(Guid[] affected, Guid[] fixedVersions, string? vector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
    {
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet password", "Port 23 accepts a factory password.", "HR-300", null, Now);
        c.Assign(Guid.CreateVersion7(), Guid.CreateVersion7(), affected);
        c.RecordFixes(fixedVersions);
        c.Analyse("CWE-798", null, vector);
        return c;
    }

    private static AdvisoryDocument Compose(VulnerabilityCase c, string language = "en", AdvisoryContent? content = null) => AdvisoryComposer.Compose(
        Advisory.Draft(c.Id, c.BusinessUnitId!.Value, "EX-2026-0001", content ?? new AdvisoryContent { TitleJa = "脆弱性", TitleEn = "Vulnerability" }, "hana", Now),
        c, Product, Publisher, language, DocumentStatus.Draft, Now, null);

    [Fact]
    public void Compose_AffectedAndFixedVersions_BecomeTheTreeAndTheStatusesAndOtherVersionsAreLeftOut()
    {
        var document = Compose(Case([V20.Id], [V21.Id]));

        var product = Assert.Single(document.Products);
        Assert.Equal(("Example Devices", "Home Devices", "HR-300"), (product.Vendor, product.Family, product.Name));
        Assert.Equal(["2.0", "2.1"], product.Versions.Select(v => v.Version));
        Assert.Equal("pkg:generic/example/hr-300@2.1", product.Versions[1].Purl);
        Assert.Equal(new Uri($"urn:uuid:{V20.Id}"), product.Versions[0].VendorUri);
        Assert.Equal([(AdvisoryComposer.Key(V20.Id), ProductState.KnownAffected), (AdvisoryComposer.Key(V21.Id), ProductState.Fixed)],
            document.Vulnerabilities[0].Statuses.Select(s => (s.Key, s.State)));
        var fix = Assert.Single(document.Vulnerabilities[0].Remediations);
        Assert.Equal((RemediationKind.VendorFix, "Update to HR-300 2.1."), (fix.Kind, fix.Text));
    }

    [Fact]
    public void Compose_AffectedWithoutAnyRemediation_SaysNoFixIsAvailableYet()
    {
        var remediation = Assert.Single(Compose(Case([V20.Id, V30.Id], []), "ja").Vulnerabilities[0].Remediations);

        Assert.Equal((RemediationKind.NoneAvailable, "現時点で修正版はありません。", 2), (remediation.Kind, remediation.Text, remediation.Keys.Count));
    }

    [Fact]
    public void Compose_CweWithoutItsName_IsLeftOut_AndWithItsNameIsGiven()
    {
        var c = Case([V20.Id], []);

        Assert.Null(Compose(c).Vulnerabilities[0].CweId);
        var named = Compose(c, content: new AdvisoryContent { TitleJa = "脆弱性", TitleEn = "Vulnerability", CweName = "Use of Hard-coded Credentials" }).Vulnerabilities[0];
        Assert.Equal(("CWE-798", "Use of Hard-coded Credentials"), (named.CweId, named.CweName));
    }

    [Theory]
    [InlineData("en", "EX-2026-0001", "ex-2026-0001.json", "ex-2026-0001-ja.json")]
    [InlineData("ja", "EX-2026-0001-JA", "ex-2026-0001-ja.json", "ex-2026-0001.json")]
    public void Compose_EachLanguage_IsADocumentOfItsOwnThatRefersToTheOther(string language, string trackingId, string selfFile, string otherFile)
    {
        var c = Case([V20.Id], [V21.Id]);
        var folder = new Uri("https://psirt.example.com/.well-known/csaf/white/2026/");
        var document = AdvisoryComposer.Compose(Advisory.Draft(c.Id, c.BusinessUnitId!.Value, "EX-2026-0001", new AdvisoryContent { TitleJa = "脆弱性", TitleEn = "Vulnerability" }, "hana", Now),
            c, Product, Publisher, language, DocumentStatus.Draft, Now, new Uri(folder, selfFile));

        Assert.Equal(trackingId, document.TrackingId);
        Assert.Equal(selfFile, AdvisoryComposer.FileName(document.TrackingId));
        Assert.Equal(new Uri(folder, otherFile), Assert.Single(document.References).Url);
    }

    [Fact]
    public void Compose_UnknownLanguage_IsRefused() =>
        Assert.Equal("Advisories.UnknownLanguage", Assert.Throws<DomainException>(() => Compose(Case([V20.Id], []), "de")).Error.Code);

    [Fact]
    public void RecordFixes_VersionAlsoAffected_IsRefused() =>
        Assert.Equal("Cases.AffectedAndFixed", Assert.Throws<DomainException>(() => Case([V20.Id], [V20.Id])).Error.Code);
}
