using Shirube.Domain.Baselines;
using Shirube.Domain.Tests.Assessments;

namespace Shirube.Domain.Tests.Baselines;

public class BaselineInheritanceTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private static (Baseline Company, BaselineSnapshot V1) CompanyV1()
    {
        var company = Baseline.ForField("Field A", "A", [AssessmentTests.Guideline("g", ("1", "M"), ("2", "R"), ("3", "R"))], null);
        company.Publish(Now);
        return (company, BaselineSnapshot.Of(company));
    }

    [Fact]
    public void Inherit_TakesEveryLineOfThePublishedVersion_MarkedInherited()
    {
        var (company, v1) = CompanyV1();
        var product = Baseline.Inherit("Router", Guid.NewGuid(), Guid.NewGuid(), "A", v1);

        Assert.True(company.IsCompany);
        Assert.False(product.IsCompany);
        Assert.Equal(company.Id, product.ParentId);
        Assert.Equal(1, product.ParentVersion);
        Assert.Equal(["g/1", "g/2", "g/3"], product.Items.Select(i => i.Key));
        Assert.All(product.Items, i => Assert.True(i.Inherited));
        Assert.Equal(RequirementLevel.Should, product.Find("g/2")!.Level);
    }

    [Fact]
    public void UpdateFrom_ANewerParent_FollowsInheritedLines_AndKeepsOverrides()
    {
        var (company, v1) = CompanyV1();
        var product = Baseline.Inherit("Router", Guid.NewGuid(), Guid.NewGuid(), "A", v1);
        product.Find("g/2")!.SetLevel(RequirementLevel.Must);            // an override
        product.AddOwn("Signed by the HSM", "HSM で署名する", RequirementLevel.Must);

        // The company raises g/3, drops g/1 and adds its own requirement; then publishes v2.
        company.Find("g/3")!.SetLevel(RequirementLevel.Must);
        company.Find("g/2")!.SetLevel(RequirementLevel.Better);
        company.Find("g/1")!.Exclude("Covered by the platform team's process.");
        company.AddOwn("Company-wide SBOM", "全社 SBOM", RequirementLevel.Should);
        company.Publish(Now.AddDays(30));
        var v2 = BaselineSnapshot.Of(company);

        var update = product.UpdateFrom(v2);

        Assert.Equal(new InheritanceUpdate(2, Added: 1, Updated: 2, Removed: 0, Overrides: 1), update);
        Assert.Equal(2, product.ParentVersion);
        Assert.Equal(RequirementLevel.Must, product.Find("g/3")!.Level);
        Assert.True(product.Find("g/1")!.Excluded);
        Assert.Equal(RequirementLevel.Must, product.Find("g/2")!.Level);   // the product's override stays
        Assert.False(product.Find("g/2")!.Inherited);
        // The company's own requirement comes in as CO-1; the product's own OWN-1 stays the product's.
        Assert.Equal("全社 SBOM", product.Find("own/CO-1")!.TitleJa);
        Assert.True(product.Find("own/CO-1")!.Inherited);
        Assert.Equal("Signed by the HSM", product.Find("own/OWN-1")!.TitleEn);
    }

    [Fact]
    public void UpdateFrom_RemovesInheritedLinesTheParentDropped()
    {
        var company = Baseline.ForField("Field A", "A", [AssessmentTests.Guideline("g", ("1", "M"))], null);
        company.Publish(Now);
        var product = Baseline.Inherit("Router", Guid.NewGuid(), Guid.NewGuid(), "A", BaselineSnapshot.Of(company));
        var later = Baseline.ForField("Field A", "A", [AssessmentTests.Guideline("g", ("2", "M"))], null);
        later.Publish(Now);
        // A snapshot of a different baseline is refused.
        Assert.Throws<InvalidOperationException>(() => product.UpdateFrom(BaselineSnapshot.Of(later)));
        Assert.Single(product.Items);
    }
}
