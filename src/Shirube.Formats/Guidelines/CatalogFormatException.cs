namespace Shirube.Formats.Guidelines;

/// <summary>A catalog file that cannot be read; names the file and the place in it.</summary>
/// <param name="file">The file (or resource) name.</param>
/// <param name="path">A JSON pointer into the document, e.g. <c>/requirements/3/parts/0</c>, or a line and column.</param>
/// <param name="reason">What is wrong there.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class CatalogFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);
