using System.Diagnostics.CodeAnalysis;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Stakeholders;

/// <summary>How a supplier key matched a component.</summary>
public enum KeyMatch
{
    /// <summary>The key's path equals the component's namespace (or a leading part of it).</summary>
    Namespace,
    /// <summary>The key's last segment begins the component's name.</summary>
    NamePrefix,
    /// <summary>The key names the component exactly (namespace and name).</summary>
    Name,
}

/// <summary>
/// A supplier's package key: a purl type and the beginning of its path, e.g. <c>pkg:github/openssl</c> (every
/// package in that namespace), <c>pkg:npm/@acme</c> (an npm scope), or <c>pkg:pypi/acme-</c> (names that begin
/// so). Matching ignores case; the segments before the last must equal the component's namespace segments, the last
/// one matches a whole namespace segment or begins the name.
/// </summary>
public sealed class PurlKey
{
    private readonly string[] _segments;

    private PurlKey(string type, string[] segments)
    {
        Type = type;
        _segments = segments;
    }

    /// <summary>The purl type, lowercase.</summary>
    public string Type { get; }

    /// <summary>The path segments, decoded.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Parses <c>pkg:type/segment[/segment...]</c>; version, qualifiers and subpath are not part of a key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PurlKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            error = "A package key starts with 'pkg:', e.g. pkg:github/openssl or pkg:npm/@acme.";
            return false;
        }
        if (text.Length > 500 || text.IndexOfAny(['@', '?', '#'], text.IndexOf('/', StringComparison.Ordinal) + 2) >= 0)
        {
            error = "A package key is a type and a path only (at most 500 characters), without version, qualifiers or subpath.";
            return false;
        }
        // A trailing name is added so that the key parses as a purl of its type; the type's own case rules then apply.
        var parts = text[4..].TrimStart('/').Split('/', 2);
        if (parts.Length < 2 || parts[1].Trim('/').Length == 0)
        {
            error = "A package key needs a type and at least one path segment, e.g. pkg:github/openssl.";
            return false;
        }
        var path = parts[1].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!PackageUrl.TryParse($"pkg:{parts[0]}/{string.Join('/', path.Select(s => s.StartsWith('@') ? "%40" + s[1..] : s))}", out var probe, out error)
            && !PackageUrl.TryParse($"pkg:{parts[0]}/{string.Join('/', path)}/x", out probe, out error))
            return false;
        var segments = (probe.Namespace is null ? probe.Name : probe.Namespace + "/" + probe.Name).Split('/');
        if (probe.Name == "x" && segments.Length > path.Length)
            segments = segments[..^1];
        key = new PurlKey(probe.Type, segments);
        return true;
    }

    /// <summary>How this key matches <paramref name="purl"/>, or null when it does not.</summary>
    public KeyMatch? Match(PackageUrl purl)
    {
        if (!string.Equals(Type, purl.Type, StringComparison.Ordinal))
            return null;
        var namespaceSegments = purl.Namespace?.Split('/') ?? [];
        string[] path = [.. namespaceSegments, purl.Name];
        if (_segments.Length > path.Length)
            return null;
        for (var i = 0; i < _segments.Length - 1; i++)
            if (!string.Equals(_segments[i], path[i], StringComparison.OrdinalIgnoreCase))
                return null;
        var last = _segments.Length - 1;
        var isName = last == path.Length - 1;
        if (string.Equals(_segments[last], path[last], StringComparison.OrdinalIgnoreCase))
            return isName ? KeyMatch.Name : KeyMatch.Namespace;
        return isName && path[last].StartsWith(_segments[last], StringComparison.OrdinalIgnoreCase) ? KeyMatch.NamePrefix : null;
    }

    /// <summary>The key as written: <c>pkg:type/segments</c>, '@' kept readable.</summary>
    public override string ToString() => $"pkg:{Type}/{string.Join('/', _segments)}";
}
