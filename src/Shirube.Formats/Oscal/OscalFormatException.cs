namespace Shirube.Formats.Oscal;

/// <summary>An OSCAL document that cannot be imported; names the file and the place in it.</summary>
/// <param name="file">The file (or upload) name.</param>
/// <param name="path">A JSON pointer, e.g. <c>/catalog/groups/0/controls/3</c>, or a line and column for text that is not JSON.</param>
/// <param name="reason">What is wrong there.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class OscalFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);
