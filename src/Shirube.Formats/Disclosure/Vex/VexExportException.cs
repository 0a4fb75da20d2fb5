namespace Shirube.Formats.Disclosure.Vex;

/// <summary>
/// A VEX document that cannot be written: names the format, the place (a statement of the input, or a JSON pointer
/// in the output) and what is wrong there.
/// </summary>
/// <param name="format">The format being written, e.g. <c>OpenVEX</c>.</param>
/// <param name="path">Where: <c>statements[2]</c> of the input, or a JSON pointer of the output.</param>
/// <param name="reason">What is wrong there.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class VexExportException(string format, string path, string reason, Exception? inner = null)
    : DocumentFormatException(format, path, reason, inner);
