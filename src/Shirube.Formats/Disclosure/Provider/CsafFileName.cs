using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>
/// The file name rule of CSAF 2.0 section 5.1 and the TLP labels a public provider may serve.
/// </summary>
public static class CsafFileName
{
    /// <summary>
    /// The file name of the document with tracking id <paramref name="trackingId"/>: the id in lower case, each run of
    /// characters outside <c>[+\-a-z0-9]</c> replaced by one <c>_</c>, then <c>.json</c>
    /// (<c>RHSA-2019:1862</c> → <c>rhsa-2019_1862.json</c>).
    /// </summary>
    public static string FromTrackingId(string trackingId)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingId);
        return AdvisoryComposer.FileName(trackingId);
    }

    /// <summary>
    /// True for the labels of documents anyone may fetch: <c>WHITE</c> (CSAF 2.0) and <c>CLEAR</c> (its TLP 2.0 name),
    /// in any case. Everything else, an absent label included, is not public.
    /// </summary>
    public static bool IsPublicTlp(string? label) =>
        string.Equals(label, "WHITE", StringComparison.OrdinalIgnoreCase) || string.Equals(label, "CLEAR", StringComparison.OrdinalIgnoreCase);
}
