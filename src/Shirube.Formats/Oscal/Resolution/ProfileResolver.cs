using System.Globalization;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>The catalog a profile resolves to, and what the resolver had to say about the profile on the way.</summary>
/// <param name="Catalog">The resolved catalog document (<c>{"catalog": {...}}</c>), OSCAL JSON.</param>
/// <param name="Warnings">
/// What the specification says to warn about: selections that select nothing, set-parameters and alters without a
/// target, clashing ids kept under <c>combine: keep</c>. Each names the document and the place.
/// </param>
public sealed record ResolvedProfile(JsonObject Catalog, IReadOnlyList<string> Warnings)
{
    /// <summary>Controls in the catalog, child controls (enhancements) included.</summary>
    public int ControlCount => OscalNodes.AllControls(CatalogObject).Count();

    /// <summary>Parameters in the catalog: loose ones, and those of groups and controls.</summary>
    public int ParamCount => ModifyPhase.ParamsIn(CatalogObject).Count();

    /// <summary>The catalog as Shirube writes OSCAL: indented by two spaces, "\n" line ends, non-ASCII text unescaped.</summary>
    public string ToJson() => Catalog.ToJsonString(OscalJson.Options) + "\n";

    private JsonObject CatalogObject => (JsonObject)Catalog["catalog"]!;
}

/// <summary>
/// Resolves an OSCAL profile (JSON) into the catalog it stands for, following NIST's profile resolution specification
/// (https://pages.nist.gov/OSCAL/concepts/processing/profile-resolution/): import, merge, modify, then back-matter,
/// metadata and pruning. It works on the JSON itself, so every field of a control is kept as the catalog has it.
/// </summary>
/// <remarks>
/// <para>Imports name a catalog or another profile (resolved first, recursively) by a URI relative to the importing
/// document, or a back-matter resource (<c>#uuid</c>) whose rlinks or base64 content hold it. Circular imports, imports
/// nested more than <see cref="MaxImportDepth"/> profiles deep, more than <see cref="MaxDocuments"/> documents in one
/// resolution, and documents beyond the parser's size and depth limits are refused.</para>
/// <para>Where NIST's own expected results and the specification differ, this follows the specification, except that
/// child controls stay nested under their selected parents in the <c>flat</c> structure as NIST's results show; see
/// <see cref="MergePhase"/>.</para>
/// </remarks>
public static class ProfileResolver
{
    /// <summary>How many profiles deep imports may nest (the profile being resolved is the first).</summary>
    public const int MaxImportDepth = 16;

    /// <summary>How many distinct documents one resolution may read.</summary>
    public const int MaxDocuments = 256;

    /// <summary>Resolves a profile.</summary>
    /// <param name="profileRoot">The profile document's root object (<c>{"profile": {...}}</c>); it is not changed.</param>
    /// <param name="profileLocation">The profile's absolute URI: imports are resolved against it, and it names the profile in messages.</param>
    /// <param name="source">Where imported documents come from.</param>
    /// <param name="now">The time of resolution, written as the catalog's <c>last-modified</c>.</param>
    /// <returns>The resolved catalog and the warnings.</returns>
    /// <exception cref="OscalFormatException">
    /// The profile or an import is not what the specification allows, an import cannot be read, or imports are circular
    /// or too deep. The message names the document and the place in it.
    /// </exception>
    public static ResolvedProfile Resolve(JsonObject profileRoot, Uri profileLocation, IOscalDocumentSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profileRoot);
        ArgumentNullException.ThrowIfNull(profileLocation);
        ArgumentNullException.ThrowIfNull(source);
        if (!profileLocation.IsAbsoluteUri)
            throw new ArgumentException($"The profile location {profileLocation} is not an absolute URI.", nameof(profileLocation));

        var run = new Run(source, now, profileLocation);
        var catalog = run.Resolve(profileRoot, run.Root);
        return new ResolvedProfile(catalog, run.Warnings);
    }

    /// <summary>A document taking part in a resolution: the base for its relative hrefs, its identity, and its name in messages.</summary>
    private sealed record Document(Uri Base, string Key, string Name);

    private sealed class Run(IOscalDocumentSource source, DateTimeOffset now, Uri rootUri)
    {
        private readonly List<Document> _chain = [];
        private readonly Dictionary<string, JsonObject> _loaded = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonObject> _resolved = new(StringComparer.Ordinal);
        private readonly string? _rootFolder = rootUri.IsFile ? Path.GetDirectoryName(rootUri.LocalPath) : null;
        // The name of the document each imported catalog object came from, for the selection's messages.
        private readonly Dictionary<JsonObject, string> _names = new(ReferenceEqualityComparer.Instance);

        public List<string> Warnings { get; } = [];

        public Document Root { get; } = new(rootUri, KeyOf(rootUri), rootUri.IsFile ? Path.GetFileName(rootUri.LocalPath) : rootUri.AbsoluteUri);

        public JsonObject Resolve(JsonObject root, Document document)
        {
            if (root["profile"] is not JsonObject profile)
                throw new OscalFormatException(document.Name, "/", ResolutionErrors.NotAProfile(root.Select(p => p.Key).FirstOrDefault()));
            _chain.Add(document);
            try
            {
                return ResolveProfile(profile, document);
            }
            finally
            {
                _chain.RemoveAt(_chain.Count - 1);
            }
        }

        private JsonObject ResolveProfile(JsonObject profile, Document document)
        {
            var profileMetadata = profile["metadata"] as JsonObject
                ?? throw new OscalFormatException(document.Name, "/profile", ResolutionErrors.MissingField("metadata"));
            if (profile["imports"] is not JsonArray { Count: > 0 } imports)
                throw new OscalFormatException(document.Name, "/profile", ResolutionErrors.NoImports);

            var selections = new List<ControlSelection>();
            for (var i = 0; i < imports.Count; i++)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"/profile/imports/{i}");
                if (imports[i] is not JsonObject directive)
                    throw new OscalFormatException(document.Name, where, ResolutionErrors.NotAnObject("the import"));
                var href = OscalNodes.Text(directive, "href")
                    ?? throw new OscalFormatException(document.Name, where, ResolutionErrors.MissingField("href"));
                var catalog = Import(profile, document, href, where + "/href");
                selections.Add(ControlSelection.Select(catalog, directive, NameOf(catalog, href), Warnings, $"{document.Name}, at {where}"));
            }

            var merged = MergePhase.Apply(selections, profile["merge"] as JsonObject, document.Name, Warnings);
            var working = new JsonObject
            {
                ["params"] = new JsonArray([.. merged.LooseParams]),
                ["controls"] = merged.Controls,
                ["groups"] = merged.Groups,
            };
            var named = ModifyPhase.Apply(working, profile["modify"] as JsonObject, document.Name, Warnings);

            // Detach the three lists from the working object so that they can move into the catalog.
            var looseParams = working["params"]!.AsArray();
            var controls = working["controls"]!.AsArray();
            var groups = working["groups"]!.AsArray();
            working.Clear();
            var keptParams = FinalPhase.PruneLooseParams([.. looseParams.OfType<JsonObject>()], [controls, groups], named);
            looseParams.Clear();
            var paramArray = new JsonArray([.. keptParams]);

            var importedCatalogs = selections.Select(s => s.Catalog).ToList();
            var profileVersion = OscalNodes.Text(profileMetadata, "oscal-version") ?? OscalCatalogWriter.OscalVersion;
            var version = FinalPhase.OscalVersion(profileVersion,
                importedCatalogs.Select(c => OscalNodes.Text(c["metadata"] as JsonObject, "oscal-version")), out var clash)
                ?? throw new OscalFormatException(document.Name, "/profile/imports", ResolutionErrors.VersionClash(profileVersion, clash!));
            var metadata = FinalPhase.Metadata(profileMetadata, version, now, SourceProfileName(document), importedCatalogs);
            var backMatter = FinalPhase.BackMatter(importedCatalogs, profile, [paramArray, controls, groups, metadata]);

            var catalogObject = new JsonObject
            {
                ["uuid"] = Guid.NewGuid().ToString("D"),
                ["metadata"] = metadata,
            };
            if (paramArray.Count > 0)
                catalogObject["params"] = paramArray;
            if (controls.Count > 0)
                catalogObject["controls"] = controls;
            if (groups.Count > 0)
                catalogObject["groups"] = groups;
            if (backMatter.Count > 0)
                catalogObject["back-matter"] = new JsonObject { ["resources"] = new JsonArray([.. backMatter]) };
            return new JsonObject { ["catalog"] = catalogObject };
        }

        private string NameOf(JsonObject catalog, string href) => _names.GetValueOrDefault(catalog) ?? href;

        /// <summary>The catalog an import brings: the document's catalog, or the resolution of the profile it is.</summary>
        private JsonObject Import(JsonObject profile, Document importer, string href, string where)
        {
            var (document, root) = Load(profile, importer, href, where);
            JsonObject catalog;
            if (root["profile"] is JsonObject)
            {
                if (_chain.Exists(d => d.Key == document.Key))
                {
                    var start = _chain.FindIndex(d => d.Key == document.Key);
                    throw new OscalFormatException(importer.Name, where,
                        ResolutionErrors.Circular(_chain.Skip(start).Select(d => d.Name).Append(document.Name)));
                }
                if (_chain.Count >= MaxImportDepth)
                    throw new OscalFormatException(importer.Name, where, ResolutionErrors.TooDeep(MaxImportDepth, _chain.Select(d => d.Name)));
                if (!_resolved.TryGetValue(document.Key, out var resolved))
                    _resolved[document.Key] = resolved = Resolve(root, document);
                catalog = (JsonObject)resolved["catalog"]!;
            }
            else
            {
                catalog = root["catalog"] as JsonObject
                    ?? throw new OscalFormatException(document.Name, "/", ResolutionErrors.NotAnImportable(root.Select(p => p.Key).FirstOrDefault()));
            }
            _names[catalog] = document.Name;
            return catalog;
        }

        private (Document Document, JsonObject Root) Load(JsonObject profile, Document importer, string href, string where)
        {
            if (!href.StartsWith('#'))
            {
                if (!Uri.TryCreate(importer.Base, href, out var uri))
                    throw new OscalFormatException(importer.Name, where, ResolutionErrors.BadHref(href));
                try
                {
                    return Fetch(uri);
                }
                catch (Exception e) when (IsUnavailable(e))
                {
                    throw new OscalFormatException(importer.Name, where, ResolutionErrors.CannotRead(href, e.Message), e);
                }
            }

            var resource = OscalNodes.Objects(profile["back-matter"] as JsonObject, "resources")
                .FirstOrDefault(r => OscalNodes.Text(r, "uuid") == href[1..])
                ?? throw new OscalFormatException(importer.Name, where, ResolutionErrors.NoResource(href));
            // The rlinks first, JSON ones before others (only JSON is read), then embedded content.
            var rlinks = OscalNodes.Objects(resource, "rlinks")
                .Select(r => (Href: OscalNodes.Text(r, "href"), Type: OscalNodes.Text(r, "media-type")))
                .Where(r => r.Href is not null && !r.Href.StartsWith('#'))
                .OrderBy(r => (r.Type?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false)
                    || r.Href!.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ToList();
            string? failure = null;
            foreach (var (rlink, _) in rlinks)
            {
                try
                {
                    if (Uri.TryCreate(importer.Base, rlink, out var uri))
                        return Fetch(uri);
                    failure ??= ResolutionErrors.BadHref(rlink!);
                }
                catch (Exception e) when (IsUnavailable(e))
                {
                    failure ??= $"rlink \"{rlink}\": {e.Message}";
                }
            }
            if (resource["base64"] is JsonObject base64 && OscalNodes.Text(base64, "value") is { } value)
            {
                var name = importer.Name + href;
                var document = new Document(importer.Base, importer.Key + href, name);
                if (!_loaded.TryGetValue(document.Key, out var root))
                {
                    Count(importer, where);
                    if (value.Length > (OscalCatalogReader.MaxBytes / 3 * 4) + 4)
                        throw new OscalFormatException(importer.Name, where, ResolutionErrors.ResourceUnusable(href, ResolutionErrors.TooLarge(value.Length / 4 * 3)));
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(value);
                    }
                    catch (FormatException e)
                    {
                        throw new OscalFormatException(importer.Name, where, ResolutionErrors.ResourceUnusable(href, ResolutionErrors.BadBase64(e.Message)), e);
                    }
                    _loaded[document.Key] = root = OscalDocumentParser.Parse(bytes, name);
                }
                return (document, root);
            }
            throw new OscalFormatException(importer.Name, where, ResolutionErrors.ResourceUnusable(href, failure));

            (Document, JsonObject) Fetch(Uri uri)
            {
                var document = new Document(uri, KeyOf(uri), DisplayName(uri));
                if (!_loaded.TryGetValue(document.Key, out var root))
                {
                    Count(importer, where);
                    _loaded[document.Key] = root = source.Load(uri);
                }
                return (document, root);
            }
        }

        private void Count(Document importer, string where)
        {
            if (_loaded.Count >= MaxDocuments)
                throw new OscalFormatException(importer.Name, where, ResolutionErrors.TooManyDocuments(MaxDocuments));
        }

        private static bool IsUnavailable(Exception e) =>
            e is IOException or UnauthorizedAccessException or NotSupportedException or OscalFormatException;

        private static string KeyOf(Uri uri) => uri.GetLeftPart(UriPartial.Query);

        /// <summary>Files by their path relative to the profile's folder; anything else by its URI.</summary>
        private string DisplayName(Uri uri) =>
            uri.IsFile && _rootFolder is not null
                ? Path.GetRelativePath(_rootFolder, uri.LocalPath).Replace('\\', '/')
                : uri.AbsoluteUri;

        // The profile's file name, not its local path: resolved catalogs are shared, folders need not be.
        private static string SourceProfileName(Document document) =>
            document.Base.IsFile && !document.Key.Contains('#', StringComparison.Ordinal)
                ? Path.GetFileName(document.Base.LocalPath)
                : document.Name;
    }
}
