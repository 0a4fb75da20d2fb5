using System.Text.RegularExpressions;

namespace Shirube.Domain.Packages;

/// <summary>Whether a package URL type has a namespace.</summary>
internal enum NamespaceRule
{
    Optional,
    Required,
    Prohibited,
}

/// <summary>
/// The rules of one registered purl type that the canonical form depends on: which components are case-insensitive
/// (and so lowercased: namespace, name, version or subpath), whether a namespace is required or prohibited, required qualifiers, and permitted characters.
/// Taken from the type definitions of package-url/purl-spec (types/*-definition.json).
/// </summary>
internal sealed record PackageUrlType(
    string Name,
    NamespaceRule Namespace = NamespaceRule.Optional,
    bool LowercaseNamespace = false,
    bool LowercaseName = false,
    bool LowercaseVersion = false,
    bool LowercaseSubpath = false,
    string[]? RequiredQualifiers = null,
    Regex? NamePattern = null,
    Regex? VersionPattern = null,
    Func<string, string>? NormalizeName = null,
    Func<string, string?>? NameError = null,
    Func<IEnumerable<KeyValuePair<string, string?>>, bool>? LowercaseNameWhen = null)
{
    private const NamespaceRule Req = NamespaceRule.Required;
    private const NamespaceRule No = NamespaceRule.Prohibited;

    /// <summary>The registered types whose rules differ from a generic one.</summary>
    private static readonly Dictionary<string, PackageUrlType> Registered = new PackageUrlType[]
    {
        new("alpm", Req, LowercaseNamespace: true, LowercaseName: true),
        new("apk", Req, LowercaseNamespace: true, LowercaseName: true),
        new("bazel", No),
        new("bitbucket", Req, LowercaseNamespace: true, LowercaseName: true),
        new("bitnami", No, LowercaseName: true),
        new("brew", LowercaseNamespace: true, LowercaseName: true),
        new("cargo", No),
        new("chrome-extension", No, LowercaseName: true,
            NamePattern: new Regex("^[a-p]{32}$", RegexOptions.CultureInvariant),
            VersionPattern: new Regex(@"^[0-9]+(\.[0-9]+){0,3}$", RegexOptions.CultureInvariant)),
        new("cocoapods", No),
        new("composer", Req, LowercaseNamespace: true, LowercaseName: true),
        new("conda", No),
        new("cpan", NameError: name => name.Contains("::", StringComparison.Ordinal) ? "name" : null),
        new("cran", No),
        new("deb", Req, LowercaseNamespace: true, LowercaseName: true),
        new("gem", No),
        new("git", Req),
        new("github", Req, LowercaseNamespace: true, LowercaseName: true),
        new("golang", Req),
        new("hackage", No),
        new("hex", LowercaseNamespace: true, LowercaseName: true),
        new("huggingface", Req, LowercaseVersion: true),
        new("julia", No, RequiredQualifiers: ["uuid"]),
        new("luarocks", LowercaseNamespace: true, LowercaseName: true),
        new("maven", Req),
        // MLflow names are case-insensitive on Databricks and case-sensitive elsewhere (Azure ML).
        new("mlflow", No, LowercaseNameWhen: qualifiers => qualifiers.Any(q =>
            q.Key.Equals("repository_url", StringComparison.OrdinalIgnoreCase) && q.Value is not null &&
            q.Value.Contains("databricks", StringComparison.OrdinalIgnoreCase))),
        new("nuget", No),
        new("oci", No, LowercaseName: true, LowercaseVersion: true),
        new("opam", No),
        new("otp", No, LowercaseName: true, LowercaseSubpath: true),
        new("pub", No, LowercaseName: true, NormalizeName: name => Regex.Replace(name, "[^a-z0-9_]", "_", RegexOptions.CultureInvariant)),
        new("pypi", No, LowercaseName: true, LowercaseVersion: true, NormalizeName: name => name.Replace('_', '-')),
        new("qpkg", Req, LowercaseNamespace: true),
        new("rpm", Req, LowercaseNamespace: true),
        new("swid", RequiredQualifiers: ["tag_id"]),
        new("swift", Req),
        new("vcpkg", No),
        new("vscode-extension", Req, LowercaseNamespace: true, LowercaseName: true, LowercaseVersion: true),
        new("yocto", LowercaseNamespace: true),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The rules of <paramref name="type"/> (already lowercase); an unregistered type has none.</summary>
    public static PackageUrlType For(string type) => Registered.TryGetValue(type, out var rules) ? rules : new PackageUrlType(type);

    /// <summary>The number of leading path segments that form the namespace, when the type fixes it (git: the host).</summary>
    public int? NamespaceSegments => Name == "git" ? 1 : null;
}
