namespace Shirube.Formats.Catalogs;

/// <summary>A catalog file that cannot be read; names the file and the place in it.</summary>
public sealed class CatalogFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CatalogFormatException(string file, string path, string reason, Exception? inner = null)
        : base($"{file}, at {path}: {reason}", inner)
    {
        File = file;
        Path = path;
        Reason = reason;
    }

    /// <summary>The file (or resource) name.</summary>
    public string File { get; }

    /// <summary>A JSON pointer into the document, e.g. <c>/requirements/3/parts/0</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong there.</summary>
    public string Reason { get; }
}
