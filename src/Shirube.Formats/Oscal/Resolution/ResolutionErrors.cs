using System.Globalization;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>The error and warning texts of profile resolution, in one place.</summary>
internal static class ResolutionErrors
{
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string TooLarge(long bytes) =>
        $"the document has {N(bytes)} bytes; at most {N(OscalCatalogReader.MaxBytes)} ({OscalCatalogReader.MaxBytes / (1024 * 1024)} MiB) are read.";

    public static string RemoteImport(Uri href) =>
        $"remote imports are not fetched ({href}); download the document and import it by a relative path, or give a document source that serves it.";

    public static string UnsupportedScheme(Uri href) => $"only local files (file: URIs) are read, not {href.Scheme}: ({href}).";

    public static string NoFile(string path) => $"there is no file {path}.";

    public static string NotAProfile(string? found) => found switch
    {
        "catalog" => "this is an OSCAL catalog, not a profile; only profiles are resolved (a catalog is already resolved).",
        null => "there is no \"profile\" at the root.",
        _ => $"there is no \"profile\" at the root (found \"{found}\"); only OSCAL profiles are resolved.",
    };

    public static string NotAnImportable(string? found) => found is null
        ? "the imported document has neither a \"catalog\" nor a \"profile\" at the root."
        : $"the imported document is not an OSCAL catalog or profile (found \"{found}\" at the root).";

    public static string NoImports => "the profile imports nothing; \"imports\" needs at least one import.";

    public static string MissingField(string name) => $"\"{name}\" is missing.";

    public static string NotAnObject(string what) => $"{what} is not a JSON object.";

    public static string CannotRead(string href, string reason) => $"the import \"{href}\" cannot be read: {reason}";

    public static string BadHref(string href) => $"the import href \"{href}\" is not a valid URI reference.";

    public static string NoResource(string href) =>
        $"the import \"{href}\" names a back-matter resource, but the document has no resource with uuid {href[1..]}.";

    public static string ResourceUnusable(string href, string? reason) => reason is null
        ? $"the back-matter resource {href} has neither an rlink nor base64 content to import."
        : $"the back-matter resource {href} cannot be imported: {reason}";

    public static string BadBase64(string reason) => $"its base64 content does not decode ({reason}).";

    public static string Circular(IEnumerable<string> chain) =>
        $"circular import: {string.Join(" → ", chain)}; a profile cannot import itself, directly or through others.";

    public static string TooDeep(int max, IEnumerable<string> chain) =>
        $"profiles import profiles more than {max} deep ({string.Join(" → ", chain)} → …).";

    public static string TooManyDocuments(int max) => $"the resolution reads more than {max} documents.";

    public static string VersionClash(string profileVersion, string importedVersion) =>
        $"the import is OSCAL {importedVersion}, another major version than {profileVersion}; the specification does not resolve across major versions.";

    public static string SeveralStructures => "\"merge\" gives more than one of \"flat\", \"as-is\" and \"custom\"; the specification allows one.";

    public static string UnknownCombine(string method) => $"unknown combine method \"{method}\" (use-first, keep or merge).";

    // Warnings.
    public static string ImplicitIncludeAll(string where, string document) =>
        $"{where}: the import of {document} has neither include-all nor include-controls; every control is included.";

    public static string NothingSelected(string where, string document) => $"{where}: no control of {document} is selected.";

    public static string KeptClashes(string profile, IReadOnlyList<string> ids) =>
        $"{profile}: combine \"keep\" keeps {ids.Count} control id(s) more than once ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : "")}); the result repeats those ids.";

    public static string MergeDeprecated(string profile) =>
        $"{profile}: combine method \"merge\" is deprecated and undefined in the specification; applied as \"use-first\".";

    public static string InsertSelectsNothing(string profile) => $"{profile}: an insert-controls of the custom merge selects no control.";

    public static string NoSuchParam(string profile, string where, string id) => $"{profile}, at {where}: there is no param \"{id}\" to set.";

    public static string NoSuchControl(string profile, string where, string id) => $"{profile}, at {where}: there is no control \"{id}\" to alter.";

    public static string EmptyRemove(string profile, string where) => $"{profile}, at {where}: a remove without criteria removes nothing.";

    public static string RemoveMatchedNothing(string profile, string where, string? control) =>
        $"{profile}, at {where}: nothing in control \"{control}\" matches the remove.";

    public static string NoAddTarget(string profile, string where, string id, string? control) =>
        $"{profile}, at {where}: control \"{control}\" holds no object with id \"{id}\"; the add is ignored.";

    public static string TitleBeside(string profile, string where) =>
        $"{profile}, at {where}: a title cannot be added before or after an object; it is ignored.";
}
