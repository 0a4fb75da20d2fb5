using Shirube.Domain.Guidelines;
using Shirube.Formats.Portfolio;

namespace Shirube.Formats.Tests.Portfolio;

public class PortfolioJsonReaderTests
{
    [Fact]
    public void DemoPortfolio_HasFiveProductsInFieldsAToEOfTwoUnits()
    {
        var seed = DemoPortfolio.Load();

        Assert.Equal(2, seed.Units.Count);
        Assert.Equal(["A", "B", "C", "D", "E"], seed.Products.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(seed.Units.Select(u => u.Code).ToHashSet(), seed.Products.Select(p => p.UnitCode).ToHashSet());
        Assert.All(seed.Products, p => Assert.Contains(IotPart.Device, p.Parts));
        Assert.All(seed.Units, u => Assert.False(string.IsNullOrWhiteSpace(u.NameJa)));
    }

    public sealed record BadDocument(string Json, string Path, string Reason)
    {
        public override string ToString() => $"{Reason} is reported at {Path}";
    }

    public static TheoryData<BadDocument> BadDocuments() =>
    [
        new BadDocument("""{"businessUnits":[{"code":"A","nameEn":"a","nameJa":"あ"}],"products":[{"name":"p","unit":"A","field":"A","parts":["device","cloud"]}]}""",
            "$.products[0].parts[1]", "'cloud' is not an IoT part"),
        new BadDocument("""{"businessUnits":[{"code":"A","nameEn":"a","nameJa":"あ"}],"products":[{"name":"p","unit":"B","field":"A","parts":[]}]}""",
            "$.products[0].unit", "no business unit has the code 'B'"),
        new BadDocument("""{"businessUnits":[{"code":"A","nameEn":"a","nameJa":"あ"},{"code":"a","nameEn":"b","nameJa":"い"}],"products":[]}""",
            "$.businessUnits[1].code", "appears twice"),
        new BadDocument("""{"businessUnits":[],"products":[],"extra":1}""", "$", "extra"),
        new BadDocument("""{"businessUnits":[{"code":"A","nameEn":"a"}],"products":[]}""", "$", "nameJa"),
        new BadDocument("""{"businessUnits":[{"code":"A","nameEn":"a","nameJa":"あ"}],"products":[{"name":"p","unit":"A","field":"A","parts":[1]}]}""",
            "$.products[0].parts[0]", "could not be converted"),
    ];

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Parse_BadDocument_NamesThePlace(BadDocument bad)
    {
        var error = Assert.Throws<PortfolioFormatException>(() => PortfolioJsonReader.Parse(bad.Json));
        Assert.StartsWith(bad.Path, error.Path, StringComparison.Ordinal);
        Assert.Contains(bad.Reason, error.Message, StringComparison.Ordinal);
        Assert.False(PortfolioJsonReader.TryParse(bad.Json, out _, out var tryError));
        Assert.Equal(error.Message, tryError!.Message);
    }

    [Fact]
    public void Parse_OversizedDocument_IsRefusedBeforeParsing()
    {
        var json = "{\"businessUnits\":[],\"products\":[],\"x\":\"" + new string('a', PortfolioJsonReader.MaxBytes) + "\"}";
        var error = Assert.Throws<PortfolioFormatException>(() => PortfolioJsonReader.Parse(json));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }
}
