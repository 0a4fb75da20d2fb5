namespace Shirube.Formats.Disclosure.Jvn;

/// <summary>A JVN export that cannot be made: names the field of the input and what is wrong with it.</summary>
/// <param name="field">The input field, e.g. <c>products[1].name</c>.</param>
/// <param name="reason">What is wrong there.</param>
public sealed class JvnExportException(string field, string reason)
    : DocumentFormatException("JVN export", field, reason, null);
