using System.Globalization;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// The specification's final operations: pruning loose params, back-matter resolution and the target's metadata.
/// </summary>
internal static class FinalPhase
{
    /// <summary>Name of the metadata prop that names the tool (in Shirube's namespace).</summary>
    public const string ResolutionToolProp = "resolution-tool";

    /// <summary>The tool named in that prop.</summary>
    public const string ResolutionTool = "Shirube OSCAL profile resolver";

    /// <summary>The link relation that points from a resolved catalog to its profile.</summary>
    public const string SourceProfileRel = "source-profile";

    private static readonly string[] MetadataOrder =
    [
        "title", "published", "last-modified", "version", "oscal-version", "revisions", "document-ids", "props", "links",
        "roles", "locations", "parties", "responsible-parties", "remarks",
    ];

    /// <summary>
    /// Keeps the loose params that something in the result refers to, that <c>set-parameters</c> named, or that are marked
    /// keep-always; drops the others and any whose id a carried param already has.
    /// </summary>
    /// <param name="loose">The candidates, in document order.</param>
    /// <param name="carried">The result's controls and groups.</param>
    /// <param name="named">The param ids named in the profile's <c>modify</c>.</param>
    public static List<JsonObject> PruneLooseParams(List<JsonObject> loose, IEnumerable<JsonNode> carried, HashSet<string> named)
    {
        var references = new References();
        var carriedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in carried)
        {
            references.Scan(node);
            carriedIds.UnionWith(ModifyPhase.ParamsIn(node).Select(p => OscalNodes.Text(p, "id")).OfType<string>());
        }

        var kept = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        var keptIds = new HashSet<string>(StringComparer.Ordinal);
        // A kept param may refer to another (its guidelines or choices insert one): repeat until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var param in loose)
            {
                if (kept.Contains(param) || OscalNodes.Text(param, "id") is not { } id || carriedIds.Contains(id) || keptIds.Contains(id))
                    continue;
                if (references.Mention(id) || named.Contains(id) || OscalNodes.KeepAlways(param))
                {
                    kept.Add(param);
                    keptIds.Add(id);
                    references.Scan(param);
                    changed = true;
                }
            }
        }
        return [.. loose.Where(kept.Contains)];
    }

    /// <summary>
    /// The target's resources: those of the imported documents in import order, then the profile's; a later resource
    /// replaces an earlier one with the same uuid unless only the earlier is marked keep-always. Then only those that
    /// are referenced (<c>#uuid</c>) from the result or from another kept resource, or marked keep-always, stay.
    /// </summary>
    public static List<JsonObject> BackMatter(IEnumerable<JsonObject> importedCatalogs, JsonObject profile, IEnumerable<JsonNode> result)
    {
        var resources = new List<JsonObject>();
        void Add(JsonObject resource)
        {
            var uuid = OscalNodes.Text(resource, "uuid");
            var index = uuid is null ? -1 : resources.FindIndex(r => OscalNodes.Text(r, "uuid") == uuid);
            if (index >= 0)
            {
                if (OscalNodes.KeepAlways(resources[index]) && !OscalNodes.KeepAlways(resource))
                    return;
                resources.RemoveAt(index);
            }
            resources.Add(resource);
        }
        foreach (var catalog in importedCatalogs)
        {
            foreach (var resource in OscalNodes.Objects(catalog["back-matter"] as JsonObject, "resources"))
                Add(resource);
        }
        foreach (var resource in OscalNodes.Objects(profile["back-matter"] as JsonObject, "resources"))
            Add(resource);

        var references = new References();
        foreach (var node in result)
            references.Scan(node);
        var kept = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var resource in resources)
            {
                if (!kept.Contains(resource)
                    && (OscalNodes.KeepAlways(resource) || (OscalNodes.Text(resource, "uuid") is { } uuid && references.Mention(uuid))))
                {
                    kept.Add(resource);
                    references.Scan(resource);
                    changed = true;
                }
            }
        }
        return [.. resources.Where(kept.Contains).Select(r => (JsonObject)r.DeepClone())];
    }

    /// <summary>
    /// The target's metadata: the profile's, with last-modified set to the time of resolution, the OSCAL version of the
    /// inputs, a link <c>source-profile</c> to the profile, a prop naming the tool, and the roles and parties of the
    /// imported catalogs that are marked keep-always.
    /// </summary>
    public static JsonObject Metadata(JsonObject profileMetadata, string oscalVersion, DateTimeOffset now, string sourceProfile,
        IEnumerable<JsonObject> importedCatalogs)
    {
        var metadata = (JsonObject)profileMetadata.DeepClone();
        metadata["last-modified"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        metadata["oscal-version"] = oscalVersion;
        OscalNodes.ArrayOf(metadata, "props").Add(new JsonObject
        {
            ["name"] = ResolutionToolProp,
            ["ns"] = OscalCatalogWriter.ShirubeNamespace,
            ["value"] = ResolutionTool,
        });
        OscalNodes.ArrayOf(metadata, "links").Add(new JsonObject { ["href"] = sourceProfile, ["rel"] = SourceProfileRel });
        foreach (var catalog in importedCatalogs)
        {
            var source = catalog["metadata"] as JsonObject;
            foreach (var (list, key) in new[] { ("roles", "id"), ("parties", "uuid") })
            {
                foreach (var item in OscalNodes.Objects(source, list).Where(OscalNodes.KeepAlways))
                {
                    var target = OscalNodes.ArrayOf(metadata, list);
                    if (!target.OfType<JsonObject>().Any(t => OscalNodes.Text(t, key) == OscalNodes.Text(item, key)))
                        target.Add(item.DeepClone());
                }
                OscalNodes.DropIfEmpty(metadata, list);
            }
        }
        OscalNodes.Reorder(metadata, MetadataOrder);
        return metadata;
    }

    /// <summary>
    /// The OSCAL version of the result: the latest of the profile's and the imported documents'. Versions of another
    /// major version than the profile's are refused, as the specification asks. (The specification also caps it at the
    /// tool's own version; this resolver copies content as it is, so the inputs' version stands.)
    /// </summary>
    /// <returns>The version, or null when two inputs differ in major version (the caller names them).</returns>
    public static string? OscalVersion(string profileVersion, IEnumerable<string?> importedVersions, out string? clash)
    {
        clash = null;
        var best = profileVersion;
        var bestParsed = Parse(profileVersion);
        foreach (var version in importedVersions)
        {
            if (version is null || Parse(version) is not { } parsed)
                continue;
            if (bestParsed is null)
            {
                (best, bestParsed) = (version, parsed);
                continue;
            }
            if (parsed.Major != bestParsed.Major)
            {
                clash = version;
                return null;
            }
            if (parsed > bestParsed)
                (best, bestParsed) = (version, parsed);
        }
        return best;
    }

    private static Version? Parse(string text) =>
        Version.TryParse(text.Split('-', '+')[0], out var v) ? v : null;
}
