using System.Reflection;
using Shirube.Domain.Portfolio;

namespace Shirube.Formats.Portfolio;

/// <summary>The example portfolio shipped with Shirube: five products in fields A–E of two business units.</summary>
public static class DemoPortfolio
{
    /// <summary>Reads the embedded example portfolio.</summary>
    public static PortfolioSeed Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shirube.Formats.Portfolio.Samples.demo-portfolio.json")
            ?? throw new InvalidOperationException("The example portfolio is missing from the Shirube.Formats assembly.");
        using var reader = new StreamReader(stream);
        return PortfolioJsonReader.Parse(reader.ReadToEnd());
    }
}
