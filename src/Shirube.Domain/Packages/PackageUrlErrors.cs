using System.Globalization;

namespace Shirube.Domain.Packages;

/// <summary>The messages of package identifiers that do not parse, in one place so that they read alike.</summary>
internal static class PackageUrlErrors
{
    private static string F(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    public static string Empty() => "The package URL is empty.";
    public static string TooLong(int max) => F($"The package URL is longer than {max} characters.");
    public static string NoScheme() => "A package URL starts with 'pkg:'.";
    public static string NoType() => "The package URL has no type after 'pkg:' (expected pkg:type/name).";
    public static string BadType(string type) =>
        F($"The type '{type}' must start with a letter and hold only ASCII letters, digits, '.' and '-'.");
    public static string NoName(string type) => F($"A '{type}' package URL needs a name.");
    public static string NamespaceRequired(string type) => F($"A '{type}' package URL needs a namespace.");
    public static string NamespaceProhibited(string type) => F($"A '{type}' package URL has no namespace.");
    public static string BadQualifierKey(string key) =>
        F($"The qualifier key '{key}' must start with a letter and hold only lowercase ASCII letters, digits, '.', '-' and '_'.");
    public static string DuplicateQualifier(string key) => F($"The qualifier '{key}' appears more than once.");
    public static string QualifierRequired(string type, string key) => F($"A '{type}' package URL needs the qualifier '{key}'.");
    public static string NotPermitted(string type, string component, string value) =>
        F($"The {component} '{value}' is not allowed for a '{type}' package URL.");
    public static string BadPercent(string component) => F($"The {component} holds a '%' that is not followed by two hexadecimal digits.");
    public static string SlashInSegment(string component) => F($"A {component} segment holds an encoded '/'.");
}
