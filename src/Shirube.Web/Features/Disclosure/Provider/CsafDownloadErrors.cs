namespace Shirube.Web.Features.Disclosure.Provider;

/// <summary>The messages of the CSAF downloader, in one place; each names the URL it is about.</summary>
internal static class CsafDownloadErrors
{
    public static string NotHttp(Uri url) => $"{url} is not an http(s) URL: CSAF files are fetched over HTTPS (HTTP on loopback for tests).";

    public static string Status(Uri url, int status, string? phrase) => $"{url} answered {status} {phrase}".TrimEnd() + ".";

    public static string Unreachable(Uri url, string detail) => $"{url} could not be fetched: {detail.TrimEnd('.')}.";

    public static string TooLarge(Uri url, long max) => $"{url} is larger than {max} bytes.";

    public static string InvalidMetadata(Uri url, string path, string reason) => $"{url} is not valid provider metadata at '{path}': {reason}";

    public static string InvalidFeed(Uri url, string path, string reason) => $"{url} cannot be read at '{path}': {reason}";

    public static string InvalidKey(Uri url, string reason) => $"the public key at {url} cannot be used: {reason}";

    public static string WrongFingerprint(Uri url, string expected, string actual) =>
        $"the public key at {url} has fingerprint {actual}, but provider-metadata.json gives {expected}.";

    public static string TooMany(int max, int listed) => $"the provider lists {listed} documents; only the first {max} were fetched.";

    public static string MissingHash(Uri url, IEnumerable<string> tried) => $"no hash file for {url} could be fetched ({string.Join("; ", tried)}).";

    public static string UnreadableHash(Uri hashUrl) => $"{hashUrl} does not start with a SHA-256 or SHA-512 digest in hex.";

    public static string BadHash(Uri url, Uri hashUrl, string expected, string actual) =>
        $"{url} does not match {hashUrl}: the file's digest is {actual}, the hash file says {expected}.";

    public static string MissingSignature(Uri url, IEnumerable<string> tried) => $"no signature for {url} could be fetched ({string.Join("; ", tried)}).";

    public static string Signature(Uri url, Uri signatureUrl, string reason) => $"{signatureUrl} (for {url}): {reason}";

    public static string NotJson(Uri url, string path, string reason) => $"{url} is not a readable CSAF document at '{path}': {reason}";

    public static string InvalidCsaf(Uri url, string test, string path, string message, int errors) =>
        $"{url} is not valid CSAF 2.0: test {test} at '{path}': {message}" + errors switch { 1 => "", 2 => " (and 1 more error)", _ => $" (and {errors - 1} more errors)" };

    public static string WrongTlp(Uri url, string? actual, string expected) =>
        $"{url} is labelled TLP:{(string.IsNullOrEmpty(actual) ? "(none)" : actual)} but is listed in the TLP:{expected} feed.";

    public static string FilenameMismatch(Uri url, string actual, string trackingId, string expected) =>
        $"{url} is named '{actual}', but the tracking id '{trackingId}' gives the file name '{expected}'.";
}
