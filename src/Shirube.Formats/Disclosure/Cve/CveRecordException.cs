namespace Shirube.Formats.Disclosure.Cve;

/// <summary>
/// A CVE record that cannot be written: names the CVE, the place (a field of the input, or a JSON pointer in the
/// container) and what is wrong there.
/// </summary>
/// <param name="cveId">The CVE id the record is for.</param>
/// <param name="path">Where: an input field such as <c>affected[0].versions[1]</c>, or a JSON pointer.</param>
/// <param name="reason">What is wrong there.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class CveRecordException(string cveId, string path, string reason, Exception? inner = null)
    : DocumentFormatException(cveId, path, reason, inner);
