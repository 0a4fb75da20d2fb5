using Shirube.Domain.Cases;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Portfolio;

namespace Shirube.Formats.Tests.Portfolio;

public class StoryJsonReaderTests
{
    [Fact]
    public void The_example_tells_a_story_for_every_product_with_an_older_and_a_newer_version_assessed()
    {
        var seed = DemoPortfolio.Load();
        var story = Assert.IsType<StorySeed>(seed.Story);

        Assert.Equal(seed.Products.Select(p => p.Name).Order(StringComparer.Ordinal), story.Products.Select(p => p.Product).Order(StringComparer.Ordinal));
        Assert.All(story.Products, p =>
        {
            var versions = seed.Products.Single(x => x.Name == p.Product).Versions;
            Assert.True(versions.Count >= 2, p.Product);
            Assert.Equal(2, p.Assessments.Count);
            var (older, newer) = (p.Assessments[0], p.Assessments[1]);
            Assert.True(versions.Single(v => v.Version == newer.Version).ReleaseDate > versions.Single(v => v.Version == older.Version).ReleaseDate, p.Product);
            Assert.True(newer.DaysAgo < older.DaysAgo, p.Product);
            // A newer version never implements less of a part group than the older one.
            Assert.All(Enum.GetValues<IotPartGroup>(), g => Assert.True(newer.Implemented[g] >= older.Implemented[g], $"{p.Product}, {g}"));
        });
        Assert.Contains(story.Cases, c => c.ExploitedHoursAgo is not null);
        Assert.Equal(story.Cases.Select(c => c.Number), story.Cases.Select(c => c.Number).Distinct());
        Assert.All(story.Cases, c => Assert.DoesNotMatch(@"^PSIRT-\d{4}-", c.Number));
        Assert.NotNull(story.Maturity);
    }

    [Fact]
    public void Texts_enums_and_relative_times_are_read_as_written()
    {
        var portfolio = PortfolioJsonReader.Parse(Portfolio);
        var story = StoryJsonReader.Parse("""
            {"products":[{"product":"Hub","guidelines":["etsi-en-303-645"],
              "assessments":[{"version":"1.0","daysAgo":3,"metThrough":"should","implemented":{"device":0.5,"management":0.25}}]}],
             "cases":[{"number":"X-1","product":"Hub","title":{"ja":"題","en":"Title"},"description":{"ja":"説明","en":"Text"},"receivedDaysAgo":2,
               "steps":[{"state":"acknowledged","hours":4}],"reportsSentHoursAgo":{"earlyWarning":1}}]}
            """, portfolio);

        var assessment = Assert.Single(Assert.Single(story.Products).Assessments);
        Assert.Equal(Domain.Baselines.RequirementLevel.Should, assessment.MetThrough);
        Assert.Equal(0.25, assessment.Implemented[IotPartGroup.Management]);
        var c = Assert.Single(story.Cases);
        Assert.Equal(new LocalizedText("Title", "題"), c.Title);
        Assert.Equal([new CaseStepSeed(CaseState.Acknowledged, 4)], c.Steps);
        Assert.Equal(1, c.ReportsSentHoursAgo[CraReportKind.EarlyWarning]);
    }

    private const string Portfolio = """
        {"businessUnits":[{"code":"A","nameEn":"a","nameJa":"あ"}],
         "products":[{"name":"Hub","unit":"A","field":"A","parts":["device"],"versions":[{"version":"1.0"}]}]}
        """;

    public sealed record BadStory(string Json, string Path, string Reason)
    {
        public override string ToString() => $"{Reason} is reported at {Path}";
    }

    public static TheoryData<BadStory> BadStories() =>
    [
        new BadStory("""{"products":[{"product":"Router","guidelines":[]}]}""", "$.products[0].product", "no product named 'Router'"),
        new BadStory("""{"products":[{"product":"Hub","guidelines":[],"assessments":[{"version":"2.0","daysAgo":1,"metThrough":null,"implemented":{}}]}]}""",
            "$.products[0].assessments[0].version", "'Hub' has no version '2.0'"),
        new BadStory("""{"products":[{"product":"Hub","guidelines":[],"assessments":[{"version":"1.0","daysAgo":1,"metThrough":null,"implemented":{"device":1.5}}]}]}""",
            "$.products[0].assessments[0].implemented", "from 0 to 1"),
        new BadStory("""{"products":[],"incidents":[{"number":"I-1","title":{"ja":"a","en":"a"},"summary":{"ja":"a","en":"a"},"severity":"high","detectedHoursAgo":1,"awareHoursAgo":1,"case":"X-9"}]}""",
            "$.incidents[0].case", "no case has the number 'X-9'"),
        new BadStory("""{"products":[],"cases":[{"number":"X-1","product":"Hub","title":{"ja":"a","en":"a"},"description":{"ja":"a","en":"a"},"receivedDaysAgo":1,"steps":[{"state":"fixed","hours":1}]}]}""",
            "$.cases[0].steps[0].state", "could not be converted"),
        new BadStory("""{"products":[],"stakeholders":[{"kind":"customer","name":{"ja":"a","en":"a"},"products":["Camera"]}]}""",
            "$.stakeholders[0].products[0]", "no product named 'Camera'"),
        new BadStory("""{"products":[],"courses":[{"title":{"en":"Only English"}}]}""", "$", "ja"),
    ];

    [Theory]
    [MemberData(nameof(BadStories))]
    public void A_story_that_does_not_fit_its_portfolio_names_the_place(BadStory bad)
    {
        var error = Assert.Throws<PortfolioFormatException>(() => StoryJsonReader.Parse(bad.Json, PortfolioJsonReader.Parse(Portfolio)));

        Assert.StartsWith(bad.Path, error.Path, StringComparison.Ordinal);
        Assert.Contains(bad.Reason, error.Message, StringComparison.Ordinal);
    }
}
