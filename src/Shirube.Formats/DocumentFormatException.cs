namespace Shirube.Formats;

/// <summary>A document that cannot be read: names the file, the place in it, and what is wrong there.</summary>
public abstract class DocumentFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or upload, or resource) name.</param>
    /// <param name="path">Where in the document: a JSON pointer, or a line and column.</param>
    /// <param name="reason">What is wrong there.</param>
    /// <param name="inner">The underlying error, if any.</param>
    protected DocumentFormatException(string file, string path, string reason, Exception? inner)
        : base($"{file}, at {path}: {reason}", inner)
    {
        File = file;
        Path = path;
        Reason = reason;
    }

    /// <summary>The file (or upload, or resource) name.</summary>
    public string File { get; }

    /// <summary>A JSON pointer such as <c>/requirements/3/parts/0</c>, or a line and column when the text does not parse.</summary>
    public string Path { get; }

    /// <summary>What is wrong there.</summary>
    public string Reason { get; }
}
