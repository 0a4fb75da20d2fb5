using System.Reflection;
using Shirube.Domain.Portfolio;

namespace Shirube.Formats.Portfolio;

/// <summary>
/// The example portfolio shipped with Shirube: five products in fields A–E of two business units, and the story that
/// goes with them (guidelines, baselines, assessments, cases, an incident, a maturity self-assessment, stakeholders,
/// training).
/// </summary>
public static class DemoPortfolio
{
    /// <summary>Reads the embedded example portfolio with its story.</summary>
    public static PortfolioSeed Load()
    {
        var portfolio = PortfolioJsonReader.Parse(ReadSample("demo-portfolio.json"));
        return portfolio with { Story = StoryJsonReader.Parse(ReadSample("demo-story.json"), portfolio) };
    }

    private static string ReadSample(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Shirube.Formats.Portfolio.Samples.{name}")
            ?? throw new InvalidOperationException($"The example file {name} is missing from the Shirube.Formats assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
