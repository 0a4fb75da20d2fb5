namespace Shirube.Formats.Disclosure;

/// <summary>How a CSAF 2.0 test result weighs: mandatory tests (6.1) and the schema give errors, recommended (6.2) warnings, informative (6.3) infos.</summary>
public enum CsafSeverity
{
    /// <summary>A mandatory test (6.1.x) or the JSON schema failed: the document is not valid CSAF.</summary>
    Error,
    /// <summary>A recommended test (6.2.x) failed.</summary>
    Warning,
    /// <summary>An informative test (6.3.x) has something to say.</summary>
    Info,
}

/// <summary>One finding of the validator: the test id (<c>6.1.1</c>, or <c>schema</c>), the JSON pointer and an English message.</summary>
public sealed record CsafResult(string Test, CsafSeverity Severity, string Path, string Message);

/// <summary>The validator's verdict on one document.</summary>
public sealed record CsafReport(IReadOnlyList<CsafResult> Results)
{
    /// <summary>True when no schema error and no mandatory test failed.</summary>
    public bool Valid => !Results.Any(r => r.Severity == CsafSeverity.Error);

    /// <summary>The schema errors and failed mandatory tests.</summary>
    public IEnumerable<CsafResult> Errors => Results.Where(r => r.Severity == CsafSeverity.Error);

    /// <summary>The failed recommended tests.</summary>
    public IEnumerable<CsafResult> Warnings => Results.Where(r => r.Severity == CsafSeverity.Warning);

    /// <summary>The informative tests' findings.</summary>
    public IEnumerable<CsafResult> Infos => Results.Where(r => r.Severity == CsafSeverity.Info);
}

/// <summary>A file that cannot be validated at all: not JSON, or larger than <see cref="CsafValidator.MaxBytes"/>.</summary>
public sealed class CsafFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);
