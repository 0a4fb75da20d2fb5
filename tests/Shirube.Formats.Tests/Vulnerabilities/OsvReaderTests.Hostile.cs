using System.IO.Compression;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class OsvReaderTests
{
    private const string Minimal = """{"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z"}""";

    public sealed record BadRecord(string Name, string Json, string Path)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadRecord> BadRecords => new(
        new BadRecord("A list of aliases given as a number is refused at aliases", """{"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z","aliases":5}""", "/aliases"),
        new BadRecord("A range type that OSV does not know is refused at the type", """{"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z","affected":[{"package":{"ecosystem":"Go","name":"x"},"ranges":[{"type":"DATE","events":[{"introduced":"0"}]}]}]}""", "/affected/0/ranges/0/type"),
        new BadRecord("A modified time that is no time is refused at modified", """{"id":"OSV-2025-1","modified":"yesterday"}""", "/modified"),
        new BadRecord("A record that is an array is refused at the root", """[1,2]""", "/"),
        new BadRecord("Broken JSON names its line", "{\"id\":\n\"OSV-2025-1\",", "line 2"),
        new BadRecord("Nesting deeper than any record is refused before validation", """{"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z","database_specific":""" + new string('[', 500) + new string(']', 500) + "}", "line 1"));

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_bad_record_names_the_file_and_the_place(BadRecord bad)
    {
        var e = Assert.Throws<VulnerabilityFormatException>(() => OsvReader.Read(Utf8(bad.Json), "bad.json"));

        Assert.Equal(("bad.json", bad.Path), (e.File, e.Path));
    }

    [Fact]
    public void Without_validation_a_wrong_type_is_still_refused_at_its_pointer()
    {
        var json = """{"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z","affected":[{"package":{"ecosystem":"Go","name":7}}]}""";

        var e = Assert.Throws<VulnerabilityFormatException>(() => OsvReader.Read(Utf8(json), "bad.json", validate: false));

        Assert.Equal("/affected/0/package/name", e.Path);
    }

    [Fact]
    public async Task A_zip_bomb_entry_stops_at_the_record_bound_naming_the_entry()
    {
        // 64 MiB of spaces inflate from a few KiB; the archive claims its real size, so the claim is refused first.
        using var zip = Zip(("bomb.json", new string(' ', 64 * 1024 * 1024)));
        var options = new VulnerabilityReadOptions { MaxRecordBytes = 1024 * 1024 };

        var e = await Assert.ThrowsAsync<VulnerabilityFormatException>(() => VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(zip, "all.zip", options, Ct)));

        Assert.Equal("all.zip!bomb.json", e.File);
        Assert.True(zip.Length < 1024 * 1024, "the bomb is small compressed");
    }

    [Fact]
    public async Task An_entry_that_inflates_beyond_the_size_it_claims_stops_while_it_is_read()
    {
        using var zip = Zip(("lying.json", new string(' ', 4 * 1024 * 1024)));
        LieAboutSizes(zip, 100);
        var options = new VulnerabilityReadOptions { MaxRecordBytes = 1024 * 1024 };

        var e = await Assert.ThrowsAnyAsync<Exception>(() => VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(zip, "all.zip", options, Ct)));

        // Either the bound stops it, or the inflater notices the lie first; never 4 MiB read into memory as a record.
        Assert.True(e is VulnerabilityFormatException { File: "all.zip!lying.json" } or InvalidDataException, e.ToString());
    }

    [Fact]
    public async Task Records_beyond_the_total_bound_end_the_read_even_when_bad_records_are_skipped()
    {
        using var zip = Zip(("a.json", Minimal), ("b.json", Minimal.Replace("OSV-2025-1", "OSV-2025-2", StringComparison.Ordinal)), ("c.json", Minimal));
        var options = new VulnerabilityReadOptions { MaxTotalBytes = Minimal.Length * 2 + 10, OnInvalid = InvalidRecordHandling.Skip };

        var e = await Assert.ThrowsAsync<VulnerabilityFormatException>(() => VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(zip, "all.zip", options, Ct)));

        Assert.Equal("all.zip!c.json", e.File);
        Assert.Contains("together", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_archive_streams_its_records_with_progress_and_skips_bad_ones_when_asked()
    {
        var go = File.ReadAllText(VulnerabilityCorpus.Path("osv-golang-vulndb/data/osv/GO-2020-0001.json"));
        var rust = File.ReadAllText(VulnerabilityCorpus.Path("osv-rustsec/crates/RUSTSEC-2016-0001.json"));
        using var zip = Zip(("GO-2020-0001.json", go), ("broken.json", "{"), ("RUSTSEC-2016-0001.json", rust), ("README.md", "not a record"));
        var skipped = new List<VulnerabilityFormatException>();
        var progress = new List<VulnerabilityReadProgress>();
        var options = new VulnerabilityReadOptions { OnInvalid = InvalidRecordHandling.Skip, Skipped = skipped.Add, Progress = new Immediate(progress.Add) };

        var records = await VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(zip, "all.zip", options, Ct));

        Assert.Equal(["GO-2020-0001", "RUSTSEC-2016-0001"], records.Select(r => r.Id));
        Assert.Equal("all.zip!broken.json", Assert.Single(skipped).File);
        Assert.Equal([(1L, 3L), (2L, 3L), (3L, 3L)], progress.Select(p => (p.Records, p.Total ?? -1)));
        Assert.Equal(go.Length + 1 + rust.Length, progress[^1].Bytes);
    }

    [Fact]
    public async Task All_or_nothing_stops_at_the_first_bad_entry_naming_it()
    {
        using var zip = Zip(("a.json", Minimal), ("b.json", """{"id":"OSV-2025-2"}"""), ("c.json", Minimal));

        var e = await Assert.ThrowsAsync<VulnerabilityFormatException>(() => VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(zip, "all.zip", ct: Ct)));

        Assert.Equal(("all.zip!b.json", "/"), (e.File, e.Path));
        Assert.Contains("modified", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_archive_is_refused_as_such()
    {
        using var notZip = new MemoryStream(Utf8(Minimal));

        var e = await Assert.ThrowsAsync<VulnerabilityFormatException>(() => VulnerabilityCorpus.ToListAsync(OsvReader.ReadZipAsync(notZip, "all.zip", ct: Ct)));

        Assert.Equal("all.zip", e.File);
    }

    private static MemoryStream Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.SmallestSize).Open());
                writer.Write(text);
            }
        }
        stream.Position = 0;
        return stream;
    }

    // Rewrites the uncompressed size in every local and central header, as a forged archive would.
    private static void LieAboutSizes(MemoryStream zip, uint size)
    {
        var bytes = zip.GetBuffer();
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
        }
        zip.Position = 0;
    }

    // Progress<T> reports on the thread pool; a test wants the reports in order, as they happen.
    private sealed class Immediate(Action<VulnerabilityReadProgress> report) : IProgress<VulnerabilityReadProgress>
    {
        public void Report(VulnerabilityReadProgress value) => report(value);
    }
}
