namespace Shirube.Formats.Portfolio;

/// <summary>A portfolio document that cannot be read; <see cref="Path"/> says where.</summary>
public sealed class PortfolioFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PortfolioFormatException(string path, string reason, Exception? inner = null)
        : base($"Portfolio document, at {path}: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>A JSON path such as <c>$.products[2].parts[0]</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong there.</summary>
    public string Reason { get; }
}
