using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Shirube.Domain.Packages;

/// <summary>
/// A package URL (purl, ECMA-427): <c>pkg:type/namespace/name@version?qualifiers#subpath</c>. Components are held
/// decoded and normalised by the rules of their type (lowercased where the type is case-insensitive, PyPI's '_' as
/// '-', ...); <see cref="ToString"/> gives the canonical string: percent-encoded, qualifiers sorted by key.
/// </summary>
public sealed class PackageUrl : IEquatable<PackageUrl>
{
    /// <summary>The longest package URL accepted.</summary>
    public const int MaxLength = 4000;

    private readonly string _canonical;

    private PackageUrl(string type, string? @namespace, string name, string? version, SortedDictionary<string, string> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = @namespace;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
        _canonical = Format();
    }

    /// <summary>The package type, lowercase, e.g. "npm", "maven", "github".</summary>
    public string Type { get; }
    /// <summary>The namespace (segments joined by '/'), e.g. "@babel", "org.apache.commons"; null when absent.</summary>
    public string? Namespace { get; }
    /// <summary>The package name.</summary>
    public string Name { get; }
    /// <summary>The version; null when absent.</summary>
    public string? Version { get; }
    /// <summary>Qualifiers by lowercase key, in key order; never empty values.</summary>
    public IReadOnlyDictionary<string, string> Qualifiers { get; }
    /// <summary>The path inside the package (segments joined by '/'); null when absent.</summary>
    public string? Subpath { get; }

    /// <summary>Parses a package URL strictly (qualifier keys must be lowercase); throws <see cref="FormatException"/> saying why not.</summary>
    public static PackageUrl Parse(string text) =>
        TryParse(text, out var purl, out var error) ? purl : throw new FormatException(error);

    /// <summary>Parses a package URL strictly; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error) =>
        TryParse(text, lenient: false, out purl, out error);

    /// <summary>Parses a package URL strictly; false when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PackageUrl? purl) =>
        TryParse(text, lenient: false, out purl, out _);

    /// <summary>
    /// Reads a package URL as found in the wild and gives its canonical form: like <see cref="Parse"/>, but qualifier
    /// keys in any case are accepted and lowercased.
    /// </summary>
    public static PackageUrl Normalize(string text) =>
        TryNormalize(text, out var purl, out var error) ? purl : throw new FormatException(error);

    /// <summary>Like <see cref="Normalize"/>, without throwing: on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryNormalize([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error) =>
        TryParse(text, lenient: true, out purl, out error);

    /// <summary>
    /// Builds a package URL from decoded components, normalised like a parsed one; throws <see cref="FormatException"/>
    /// when a component breaks the rules (no type or name, a prohibited or missing namespace, a bad qualifier key).
    /// </summary>
    public static PackageUrl Create(string? type, string? @namespace, string? name, string? version = null,
        IEnumerable<KeyValuePair<string, string?>>? qualifiers = null, string? subpath = null)
    {
        var namespaceSegments = (@namespace ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nameSegments = name is null ? [] : new[] { name };
        var error = TryBuild(type, namespaceSegments, nameSegments, version, qualifiers?.ToArray() ?? [], SubpathSegments(subpath), lenient: true, out var purl);
        return purl ?? throw new FormatException(error);
    }

    private static bool TryParse(string? text, bool lenient, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = PackageUrlErrors.Empty();
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = PackageUrlErrors.TooLong(MaxLength);
            return false;
        }
        error = Split(text.Trim(), lenient, out purl);
        return error is null;
    }

    private static string? Split(string text, bool lenient, out PackageUrl? purl)
    {
        purl = null;
        var remainder = text;
        string? subpath = null;
        var hash = remainder.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            subpath = remainder[(hash + 1)..];
            remainder = remainder[..hash];
        }
        var qualifierText = string.Empty;
        var question = remainder.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            qualifierText = remainder[(question + 1)..];
            remainder = remainder[..question];
        }
        if (!remainder.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
            return PackageUrlErrors.NoScheme();
        remainder = remainder[4..].TrimStart('/');
        var slash = remainder.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return remainder.Length == 0 ? PackageUrlErrors.NoType() : PackageUrlErrors.NoName(remainder.ToLowerInvariant());
        var type = remainder[..slash];
        remainder = remainder[(slash + 1)..];

        // The version follows the last '@' of the last segment: '@' earlier on is part of a namespace (npm scopes).
        string? version = null;
        var lastSlash = remainder.LastIndexOf('/');
        var at = remainder.LastIndexOf('@');
        if (at > lastSlash)
        {
            var decoded = Decode(remainder[(at + 1)..], "version", out var versionError);
            if (versionError is not null)
                return versionError;
            version = decoded;
            remainder = remainder[..at];
            // "name/@1.0" has an empty name before the version, not the name "name".
            if (remainder.EndsWith('/'))
                return PackageUrlErrors.NoName(type.ToLowerInvariant());
        }

        var segments = new List<string>();
        foreach (var raw in remainder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Decode(raw, "name", out var segmentError);
            if (segmentError is not null)
                return segmentError;
            segments.Add(segment!);
        }

        var qualifiers = new List<KeyValuePair<string, string?>>();
        foreach (var pair in qualifierText.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = Decode(equals < 0 ? string.Empty : pair[(equals + 1)..], "qualifier value", out var valueError);
            if (valueError is not null)
                return valueError;
            qualifiers.Add(new(key, value));
        }

        var subpathSegments = new List<string>();
        foreach (var raw in SubpathSegments(subpath))
        {
            var segment = Decode(raw, "subpath", out var subpathError);
            if (subpathError is not null)
                return subpathError;
            if (segment!.Contains('/', StringComparison.Ordinal))
                return PackageUrlErrors.SlashInSegment("subpath");
            subpathSegments.Add(segment);
        }

        if (segments.Count == 0)
            return PackageUrlErrors.NoName(type.ToLowerInvariant());
        var rules = PackageUrlType.For(type.ToLowerInvariant());
        var namespaceCount = rules.NamespaceSegments is { } fixedCount ? Math.Min(fixedCount, segments.Count - 1) : segments.Count - 1;
        return TryBuild(type, segments.Take(namespaceCount).ToArray(), segments.Skip(namespaceCount).ToArray(), version, qualifiers, subpathSegments.ToArray(), lenient, out purl);
    }

    private static string? TryBuild(string? type, string[] namespaceSegments, string[] nameSegments, string? version,
        IReadOnlyCollection<KeyValuePair<string, string?>> qualifiers, string[] subpathSegments, bool lenient, out PackageUrl? purl)
    {
        purl = null;
        if (string.IsNullOrEmpty(type))
            return PackageUrlErrors.NoType();
        if (!char.IsAsciiLetter(type[0]) || type.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
            return PackageUrlErrors.BadType(type);
        type = type.ToLowerInvariant();
        var rules = PackageUrlType.For(type);

        var name = string.Join('/', nameSegments);
        if (name.Length == 0)
            return PackageUrlErrors.NoName(type);
        if (rules.LowercaseName || rules.LowercaseNameWhen?.Invoke(qualifiers) == true)
            name = name.ToLowerInvariant();
        if (rules.NormalizeName is { } normalizeName)
            name = normalizeName(name);
        if (rules.NamePattern is { } namePattern && !namePattern.IsMatch(name) || rules.NameError?.Invoke(name) is not null)
            return PackageUrlErrors.NotPermitted(type, "name", name);

        var @namespace = namespaceSegments.Length == 0 ? null : string.Join('/', namespaceSegments);
        if (@namespace is not null && rules.LowercaseNamespace)
            @namespace = @namespace.ToLowerInvariant();
        if (@namespace is null && rules.Namespace == NamespaceRule.Required)
            return PackageUrlErrors.NamespaceRequired(type);
        if (@namespace is not null && rules.Namespace == NamespaceRule.Prohibited)
            return PackageUrlErrors.NamespaceProhibited(type);

        if (string.IsNullOrEmpty(version))
            version = null;
        else if (rules.LowercaseVersion)
            version = version.ToLowerInvariant();
        if (version is not null && rules.VersionPattern is { } versionPattern && !versionPattern.IsMatch(version))
            return PackageUrlErrors.NotPermitted(type, "version", version);

        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in qualifiers)
        {
            var key = lenient ? rawKey.ToLowerInvariant() : rawKey;
            if (key.Length == 0 || !char.IsAsciiLetterLower(key[0]) || key.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')))
                return PackageUrlErrors.BadQualifierKey(rawKey);
            if (string.IsNullOrEmpty(value))
                continue;
            if (!sorted.TryAdd(key, value))
                return PackageUrlErrors.DuplicateQualifier(key);
        }
        foreach (var required in rules.RequiredQualifiers ?? [])
            if (!sorted.ContainsKey(required))
                return PackageUrlErrors.QualifierRequired(type, required);

        var subpath = subpathSegments.Length == 0 ? null : string.Join('/', subpathSegments);
        if (subpath is not null && rules.LowercaseSubpath)
            subpath = subpath.ToLowerInvariant();
        purl = new PackageUrl(type, @namespace, name, version, sorted, subpath);
        return null;
    }

    // Subpath segments that are empty, '.' or '..' carry no meaning and are dropped (no escaping the package).
    private static string[] SubpathSegments(string? subpath) =>
        (subpath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "." and not "..").ToArray();

    private static string? Decode(string text, string component, out string? error)
    {
        error = null;
        if (!text.Contains('%', StringComparison.Ordinal))
            return text;
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }
            if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                error = PackageUrlErrors.BadPercent(component);
                return null;
            }
            bytes.Add(b);
            i += 2;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // Canonical encoding keeps ASCII letters, digits, '.', '-', '_', '~' and ':' as they are and percent-encodes the rest (UTF-8).
    private static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':'))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string EncodeSegments(string path) => string.Join('/', path.Split('/').Select(Encode));

    private string Format()
    {
        var builder = new StringBuilder("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
            builder.Append(EncodeSegments(Namespace)).Append('/');
        builder.Append(EncodeSegments(Name));
        if (Version is not null)
            builder.Append('@').Append(Encode(Version));
        if (Qualifiers.Count > 0)
            builder.Append('?').AppendJoin('&', Qualifiers.Select(q => q.Key + "=" + Encode(q.Value)));
        if (Subpath is not null)
            builder.Append('#').Append(EncodeSegments(Subpath));
        return builder.ToString();
    }

    /// <summary>The canonical package URL.</summary>
    public override string ToString() => _canonical;

    /// <summary>True when both have the same canonical form.</summary>
    public bool Equals(PackageUrl? other) => other is not null && string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PackageUrl);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_canonical);
}
