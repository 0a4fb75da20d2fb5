using Shirube.Domain.Vulnerabilities;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// A version range in the package-url "vers" syntax (<c>vers:npm/&gt;=1.2.0|&lt;1.4.0</c>), as CSAF's
/// <c>product_version_range</c> branches write it, turned into OSV range events and versions named one by one.
/// </summary>
/// <param name="Scheme">The versioning scheme after <c>vers:</c> (<c>npm</c>, <c>semver</c>, <c>generic</c>, <c>all</c>).</param>
/// <param name="Events">Introduced / fixed / last_affected events, in the order the constraints give them.</param>
/// <param name="Versions">The versions an <c>=</c> constraint names.</param>
internal sealed record VersRange(string Scheme, IReadOnlyList<RangeEvent> Events, IReadOnlyList<string> Versions)
{
    /// <summary>
    /// Reads <paramref name="text"/>; false with the reason when it is not vers, or uses a comparator OSV has no event
    /// for (<c>&gt;</c> and <c>!=</c>: "after 1.2" and "all but 1.2" cannot be written as introduced/fixed events).
    /// </summary>
    public static bool TryParse(string text, out VersRange? range, out string? error)
    {
        range = null;
        error = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!text.StartsWith("vers:", StringComparison.Ordinal) || slash < 0)
        {
            error = $"'{VulnerabilityJson.Clip(text)}' is not a vers range (vers:<scheme>/<constraints>).";
            return false;
        }
        var scheme = text[5..slash];
        var constraints = text[(slash + 1)..].Trim();
        // "vers:all/*" and "vers:<scheme>/*": every version.
        if (constraints == "*")
        {
            range = new VersRange(scheme, [new RangeEvent(RangeEventKind.Introduced, "0")], []);
            return true;
        }
        var events = new List<RangeEvent>();
        var versions = new List<string>();
        var open = false;
        foreach (var part in constraints.Split('|', StringSplitOptions.TrimEntries))
        {
            var (comparator, rest) = part switch
            {
                _ when part.StartsWith(">=", StringComparison.Ordinal) => (">=", part[2..]),
                _ when part.StartsWith("<=", StringComparison.Ordinal) => ("<=", part[2..]),
                _ when part.StartsWith("!=", StringComparison.Ordinal) => ("!=", part[2..]),
                _ when part.StartsWith('>') => (">", part[1..]),
                _ when part.StartsWith('<') => ("<", part[1..]),
                _ when part.StartsWith('=') => ("=", part[1..]),
                _ => ("=", part),
            };
            var version = Uri.UnescapeDataString(rest.Trim());
            if (version.Length == 0)
            {
                error = $"the vers constraint '{VulnerabilityJson.Clip(part)}' has no version.";
                return false;
            }
            switch (comparator)
            {
                case "=":
                    versions.Add(version);
                    break;
                case ">=":
                    events.Add(new RangeEvent(RangeEventKind.Introduced, version));
                    open = true;
                    break;
                case "<" or "<=":
                    // vers sorts constraints by version: a first upper bound means "from the first version".
                    if (!open)
                        events.Add(new RangeEvent(RangeEventKind.Introduced, "0"));
                    events.Add(new RangeEvent(comparator == "<" ? RangeEventKind.Fixed : RangeEventKind.LastAffected, version));
                    open = false;
                    break;
                default:
                    error = $"the vers constraint '{VulnerabilityJson.Clip(part)}' ({comparator}) has no OSV range event.";
                    return false;
            }
        }
        range = new VersRange(scheme, events, versions);
        return true;
    }

    /// <summary>The intervals of <see cref="Events"/> as (start inclusive or null for "from the first", end, end inclusive).</summary>
    public IEnumerable<(string? Start, string? End, bool EndIncluded)> Intervals()
    {
        string? start = null;
        var open = false;
        foreach (var e in Events)
        {
            if (e.Kind == RangeEventKind.Introduced)
            {
                start = e.Version == "0" ? null : e.Version;
                open = true;
                continue;
            }
            yield return (start, e.Version, e.Kind == RangeEventKind.LastAffected);
            open = false;
        }
        if (open)
            yield return (start, null, false);
    }
}
