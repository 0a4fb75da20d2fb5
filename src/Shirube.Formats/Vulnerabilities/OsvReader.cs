using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities.Dto;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// Reads OSV records (https://ossf.github.io/osv-schema/) into <see cref="VulnerabilityRecord"/>: one record from a
/// file, every record of a directory (recursive <c>*.json</c>) or of one of the per-ecosystem archives OSV publishes
/// (<c>&lt;ecosystem&gt;/all.zip</c>, one JSON record per entry). Many records stream one at a time, within size
/// bounds checked while reading (a zip entry that lies about its size stops at the bound), with progress, and either
/// all or nothing or skipping bad records, as the caller chooses (<see cref="VulnerabilityReadOptions"/>).
/// </summary>
public static class OsvReader
{
    /// <summary>Reads one record from its JSON bytes.</summary>
    /// <param name="json">The record.</param>
    /// <param name="file">The name errors give it.</param>
    /// <param name="validate">Whether to check it against the OSV schema first.</param>
    /// <exception cref="VulnerabilityFormatException">The record is not valid OSV; names the file and the JSON pointer.</exception>
    public static VulnerabilityRecord Read(ReadOnlyMemory<byte> json, string file, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!validate)
            return Map(VulnerabilityJson.Deserialize<OsvDto>(json, file), file);
        // The schema library evaluates a JsonNode; handing it a JsonElement costs a conversion per record.
        var node = VulnerabilityJson.ParseNode(json, file);
        if (node is not JsonObject)
            throw new VulnerabilityFormatException(file, "/", $"an OSV record is a JSON object, not {Kind(node?.GetValueKind() ?? JsonValueKind.Null)}.");
        OsvSchema.Check(node, file);
        return Map(VulnerabilityJson.Deserialize<OsvDto>(node, file), file);
    }

    /// <summary>Reads one record from a stream, refusing more than <see cref="VulnerabilityReadOptions.MaxRecordBytes"/>.</summary>
    /// <exception cref="VulnerabilityFormatException">The record is too large or not valid OSV.</exception>
    public static async Task<VulnerabilityRecord> ReadAsync(Stream stream, string file, VulnerabilityReadOptions? options = null, CancellationToken ct = default)
    {
        options ??= VulnerabilityReadOptions.Default;
        var bytes = await ReadBoundedAsync(stream, options.MaxRecordBytes, file, ct).ConfigureAwait(false);
        return Read(bytes, file, options.Validate);
    }

    /// <summary>Reads a record file, every record of a directory, or every record of a zip archive, as <paramref name="path"/> is.</summary>
    public static IAsyncEnumerable<VulnerabilityRecord> ReadPathAsync(string path, VulnerabilityReadOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            return ReadDirectoryAsync(path, options, ct);
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return ReadZipFileAsync(path, options, ct);
        return ReadFilesAsync([path], Path.GetDirectoryName(Path.GetFullPath(path)) ?? "", options, ct);
    }

    /// <summary>Every <c>*.json</c> record under <paramref name="directory"/> (recursive), in ordinal order of their paths.</summary>
    public static IAsyncEnumerable<VulnerabilityRecord> ReadDirectoryAsync(string directory, VulnerabilityReadOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return ReadFilesAsync(files, directory, options, ct);
    }

    /// <summary>Every record of a zip archive file such as OSV's <c>Go/all.zip</c>.</summary>
    public static async IAsyncEnumerable<VulnerabilityRecord> ReadZipFileAsync(string path, VulnerabilityReadOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var record in ReadZipAsync(stream, Path.GetFileName(path), options, ct).ConfigureAwait(false))
                yield return record;
        }
    }

    /// <summary>
    /// Every <c>*.json</c> entry of a zip archive, one record each, in the archive's order. The stream should be
    /// seekable (a file); a non-seekable one is buffered whole by <see cref="ZipArchive"/>.
    /// </summary>
    /// <param name="zip">The archive; left open.</param>
    /// <param name="file">The name errors give the archive; an entry is named <c>file!entry</c>.</param>
    /// <param name="options">Bounds, validation, all or nothing, progress.</param>
    /// <param name="ct">Stops the read.</param>
    public static async IAsyncEnumerable<VulnerabilityRecord> ReadZipAsync(Stream zip, string file, VulnerabilityReadOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        options ??= VulnerabilityReadOptions.Default;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new VulnerabilityFormatException(file, "/", $"not a zip archive: {e.Message}", e);
        }
        using (archive)
        {
            var entries = archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
            var state = new ReadState(options, entries.Count);
            foreach (var entry in entries)
            {
                ct.ThrowIfCancellationRequested();
                var name = $"{file}!{entry.FullName}";
                var record = await state.TryReadAsync(name, async limit =>
                {
                    // The size the archive claims is checked first; the bytes really inflated are counted as they come.
                    if (entry.Length > options.MaxRecordBytes)
                        throw TooLarge(name, options.MaxRecordBytes);
                    var stream = entry.Open();
                    await using (stream.ConfigureAwait(false))
                        return await ReadBoundedAsync(stream, limit, name, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
                if (record is not null)
                    yield return record;
            }
        }
    }

    private static async IAsyncEnumerable<VulnerabilityRecord> ReadFilesAsync(List<string> files, string root, VulnerabilityReadOptions? options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        options ??= VulnerabilityReadOptions.Default;
        var state = new ReadState(options, files.Count);
        foreach (var path in files)
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(root, path);
            var record = await state.TryReadAsync(name, async limit =>
            {
                var stream = File.OpenRead(path);
                await using (stream.ConfigureAwait(false))
                    return await ReadBoundedAsync(stream, limit, name, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
            if (record is not null)
                yield return record;
        }
    }

    /// <summary>The running count of a read of many records: bounds, progress, and what a bad record does.</summary>
    private sealed class ReadState(VulnerabilityReadOptions options, long total)
    {
        private long _records;
        private long _bytes;

        /// <summary>Reads one record's bytes with <c>read(limit)</c> and maps them; null when it was bad and skipped.</summary>
        public async Task<VulnerabilityRecord?> TryReadAsync(string name, Func<long, Task<byte[]>> read)
        {
            if (_records >= options.MaxRecords)
                throw new VulnerabilityFormatException(name, "/", $"more than {options.MaxRecords.ToString(CultureInfo.InvariantCulture)} records.");
            var left = options.MaxTotalBytes - _bytes;
            var limit = Math.Min(options.MaxRecordBytes, left);
            try
            {
                byte[] bytes;
                try
                {
                    bytes = await read(limit).ConfigureAwait(false);
                }
                catch (VulnerabilityFormatException) when (limit < options.MaxRecordBytes)
                {
                    // Past the bound of the whole read: this ends it even when bad records are skipped.
                    var reason = $"the records together are larger than {options.MaxTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes.";
                    throw new VulnerabilityFormatException(name, "/", reason, new TotalTooLargeException(reason));
                }
                _bytes += bytes.Length;
                return Read(bytes, name, options.Validate);
            }
            catch (VulnerabilityFormatException e) when (options.OnInvalid == InvalidRecordHandling.Skip && e.InnerException is not TotalTooLargeException)
            {
                options.Skipped?.Invoke(e);
                return null;
            }
            finally
            {
                _records++;
                options.Progress?.Report(new VulnerabilityReadProgress(_records, total, _bytes));
            }
        }
    }

    // Marks the error of the whole read's bound, which skipping does not swallow.
    private sealed class TotalTooLargeException(string message) : Exception(message);

    private static VulnerabilityFormatException TooLarge(string file, long max) =>
        new(file, "byte " + max.ToString(CultureInfo.InvariantCulture), $"larger than {max.ToString(CultureInfo.InvariantCulture)} bytes.");

    /// <summary>Reads a stream into memory, counting what it really gives, and fails once past <paramref name="max"/>.</summary>
    internal static async Task<byte[]> ReadBoundedAsync(Stream stream, long max, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long read = 0;
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            read += n;
            if (read > max)
                throw TooLarge(file, max);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static VulnerabilityRecord Map(OsvDto d, string file)
    {
        var id = string.IsNullOrWhiteSpace(d.Id) ? throw new VulnerabilityFormatException(file, "/id", "missing.") : d.Id;
        var severity = Severities(d.Severity, file, "/severity").ToList();
        var affected = new List<AffectedPackage>(d.Affected?.Count ?? 0);
        for (var i = 0; i < (d.Affected?.Count ?? 0); i++)
        {
            var a = d.Affected![i];
            affected.Add(Affected(a, file, $"/affected/{i.ToString(CultureInfo.InvariantCulture)}"));
            // A score per package (allowed when the record has none) still tells how bad the record is.
            severity.AddRange(Severities(a.Severity, file, $"/affected/{i.ToString(CultureInfo.InvariantCulture)}/severity").Where(s => !severity.Contains(s)));
        }
        return new VulnerabilityRecord(id, VulnerabilitySource.Osv, VulnerabilityJson.Time(d.Modified, file, "/modified"))
        {
            Published = VulnerabilityJson.OptionalTime(d.Published, file, "/published"),
            Withdrawn = VulnerabilityJson.OptionalTime(d.Withdrawn, file, "/withdrawn"),
            Aliases = Distinct(d.Aliases),
            Related = Distinct(d.Related),
            Summary = string.IsNullOrWhiteSpace(d.Summary) ? null : d.Summary,
            Details = string.IsNullOrWhiteSpace(d.Details) ? null : d.Details,
            Severity = severity,
            Cwes = Cwes(d.DatabaseSpecific),
            References = Distinct(d.References?.Select(r => r.Url)),
            Affected = affected,
        };
    }

    private static AffectedPackage Affected(OsvAffectedDto a, string file, string at)
    {
        var ranges = new List<AffectedRange>(a.Ranges?.Count ?? 0);
        for (var r = 0; r < (a.Ranges?.Count ?? 0); r++)
            ranges.Add(Range(a.Ranges![r], file, $"{at}/ranges/{r.ToString(CultureInfo.InvariantCulture)}"));
        // A record may name only a repository (GIT ranges) and no package: kept with an empty ecosystem and name,
        // which no package matches; its GIT ranges stay for commit-level matching.
        var package = a.Package;
        if (package is not null && (string.IsNullOrEmpty(package.Ecosystem) || string.IsNullOrEmpty(package.Name)))
            throw new VulnerabilityFormatException(file, at + "/package", "a package needs an ecosystem and a name.");
        return new AffectedPackage(package?.Ecosystem ?? "", package?.Name ?? "")
        {
            // A purl the record gets wrong is dropped rather than the record: ecosystem and name say the same.
            Purl = PackageUrl.TryParse(package?.Purl, out var purl) ? purl : null,
            Ranges = ranges,
            Versions = a.Versions is null ? [] : [.. a.Versions],
        };
    }

    private static AffectedRange Range(OsvRangeDto r, string file, string at)
    {
        var type = r.Type switch
        {
            "ECOSYSTEM" => RangeType.Ecosystem,
            "SEMVER" => RangeType.Semver,
            "GIT" => RangeType.Git,
            _ => throw new VulnerabilityFormatException(file, at + "/type", $"'{r.Type}' is not a range type (ECOSYSTEM, SEMVER, GIT)."),
        };
        if (r.Events is not { Count: > 0 })
            throw new VulnerabilityFormatException(file, at + "/events", "a range needs events.");
        var events = new List<RangeEvent>(r.Events.Count);
        for (var i = 0; i < r.Events.Count; i++)
        {
            var e = r.Events[i];
            (RangeEventKind Kind, string? Version)[] given =
                [(RangeEventKind.Introduced, e.Introduced), (RangeEventKind.Fixed, e.Fixed), (RangeEventKind.LastAffected, e.LastAffected), (RangeEventKind.Limit, e.Limit)];
            var set = given.Where(g => g.Version is not null).ToList();
            if (set.Count != 1)
                throw new VulnerabilityFormatException(file, $"{at}/events/{i.ToString(CultureInfo.InvariantCulture)}", "an event has exactly one of introduced, fixed, last_affected, limit.");
            events.Add(new RangeEvent(set[0].Kind, set[0].Version!));
        }
        return new AffectedRange(type, events) { Repository = r.Repo };
    }

    private static IEnumerable<SeverityScore> Severities(List<OsvSeverityDto>? list, string file, string at)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var s = list![i];
            if (string.IsNullOrEmpty(s.Type) || string.IsNullOrEmpty(s.Score))
                throw new VulnerabilityFormatException(file, $"{at}/{i.ToString(CultureInfo.InvariantCulture)}", "a severity needs a type and a score.");
            yield return new SeverityScore(s.Type, s.Score);
        }
    }

    // GitHub's advisories put CWE ids in database_specific.cwe_ids; other databases have none or their own shape.
    private static string[] Cwes(JsonElement? databaseSpecific)
    {
        if (databaseSpecific is not { ValueKind: JsonValueKind.Object } specific
            || !specific.TryGetProperty("cwe_ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            return [];
        return Distinct(ids.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())
            .Where(s => s is not null && s.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase)));
    }

    private static string[] Distinct(IEnumerable<string?>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal)];

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Undefined => "nothing",
        _ => kind.ToString(),
    };
}
