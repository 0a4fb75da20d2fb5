using System.Globalization;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Versions;

namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>
/// A synthetic vulnerability corpus and portfolio for measuring matching (<c>shirube bench matching</c> and the
/// benchmarks), the same for a given seed on every machine. Its shape follows OSV's: package popularity is Zipf-like
/// (a few packages carry many records: the record's package is drawn with probability proportional to 1/(rank + 20)), about
/// a third of the records are distribution records with one entry per release (Debian, Ubuntu), the others name one
/// package, sometimes a few; ranges are mostly introduced + fixed, some introduced 0, some last_affected, some with
/// two intervals, and some entries list their versions one by one behind a GIT range.
/// </summary>
/// <remarks>
/// Versions are written MAJOR.MINOR.PATCH. Ranges are ECOSYSTEM ranges where <see cref="VersionSchemes"/> knows the
/// ecosystem's scheme and SEMVER ranges elsewhere, so that every range is ordered whatever schemes exist.
/// </remarks>
public sealed class SyntheticCorpus
{
    private static readonly (string Ecosystem, double Weight)[] Ecosystems =
    [
        ("npm", 0.16), ("PyPI", 0.12), ("Maven", 0.12), ("Go", 0.08), ("crates.io", 0.04), ("NuGet", 0.04), ("RubyGems", 0.04),
        ("Packagist", 0.05), ("Debian", 0.17), ("Ubuntu", 0.18),
    ];

    private static readonly string[] DebianReleases = ["9", "10", "11", "12", "13", "sid"];

    private static readonly string[] UbuntuReleases =
        ["16.04:LTS", "18.04:LTS", "20.04:LTS", "22.04:LTS", "24.04:LTS", "24.10", "25.04", "Pro:16.04:LTS", "Pro:18.04:LTS", "Pro:20.04:LTS"];

    private static readonly DateTimeOffset Modified = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _seed;
    private readonly double[] _popularity;
    private readonly Dictionary<(int, int, int), SbomComponent> _components = [];

    private SyntheticCorpus(int seed, int packages, IReadOnlyList<VulnerabilityRecord> records, int entries, double[] popularity)
    {
        _seed = seed;
        Packages = packages;
        Records = records;
        AffectedEntries = entries;
        _popularity = popularity;
    }

    /// <summary>The records: OSV records named <c>SYN-0000001</c>…</summary>
    public IReadOnlyList<VulnerabilityRecord> Records { get; }

    /// <summary>The affected (package, ranges) entries over all records.</summary>
    public int AffectedEntries { get; }

    /// <summary>The distinct packages records may name.</summary>
    public int Packages { get; }

    /// <summary>
    /// Generates <paramref name="records"/> records with exactly <paramref name="affectedEntries"/> entries over
    /// about one package for every five records; <paramref name="progress"/> hears the share done, 0 to 1.
    /// </summary>
    public static SyntheticCorpus Generate(int records, int affectedEntries, int seed = 12, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(affectedEntries, records);
        var packages = Math.Max(50, records / 5);
        var popularity = Cumulative(packages);
        var random = new Random(seed);
        var packageOf = new int[records];
        var counts = new int[records];
        long total = 0;
        for (var i = 0; i < records; i++)
        {
            packageOf[i] = Draw(random, popularity);
            counts[i] = Math.Min(Capacity(packageOf[i], seed), NaturalCount(random, packageOf[i], seed));
            total += counts[i];
        }
        // Reach the exact number of entries by adding or taking one entry at a time from records drawn at random.
        while (total != affectedEntries)
        {
            var i = random.Next(records);
            if (total < affectedEntries && counts[i] < Capacity(packageOf[i], seed))
            {
                counts[i]++;
                total++;
            }
            else if (total > affectedEntries && counts[i] > 1)
            {
                counts[i]--;
                total--;
            }
        }
        var list = new List<VulnerabilityRecord>(records);
        for (var i = 0; i < records; i++)
        {
            list.Add(Record(i, packageOf[i], counts[i], random, popularity, seed));
            if (progress is not null && i % 10_000 == 0)
                progress.Report((double)i / records);
        }
        progress?.Report(1);
        return new SyntheticCorpus(seed, packages, list, affectedEntries, popularity);
    }

    /// <summary>
    /// The components of one product version: <paramref name="count"/> distinct packages, each at one of the newest
    /// third of its versions. A quarter are packages that records name, drawn by popularity (popular packages are both in more
    /// products and in more records); the rest are packages no record names, as most of a real product's components
    /// are (a few percent of the components of a typical SBOM have known vulnerabilities). Components are shared
    /// between product versions that ship the same package version.
    /// </summary>
    public IReadOnlyList<SbomComponent> Components(int count, int seed)
    {
        var random = new Random(Mix(_seed, seed, 0));
        var chosen = new HashSet<int>();
        var components = new List<SbomComponent>(count);
        while (components.Count < count)
        {
            var package = random.Next(4) == 0 ? Draw(random, _popularity) : Packages + random.Next(Packages * 10);
            if (!chosen.Add(package))
                continue;
            var history = History(package, _seed);
            // Products ship recent versions more than old ones: one of the newest third of the history.
            var version = history.Length - 1 - random.Next(Math.Max(1, history.Length / 3));
            var release = random.Next(16);
            components.Add(ComponentOf(package, version, release, history));
        }
        return components;
    }

    /// <summary>A new record on the most popular package, not yet fixed (introduced 0): the news of the day.</summary>
    public VulnerabilityRecord NewRecord(int n)
    {
        var ecosystem = EcosystemOf(0, _seed);
        var affected = Distribution(ecosystem)
            ? (ecosystem == "Debian" ? DebianReleases : UbuntuReleases).Select(r => Entry($"{ecosystem}:{r}", 0, "introduced:0")).ToList()
            : [Entry(ecosystem, 0, "introduced:0")];
        return new VulnerabilityRecord(string.Create(CultureInfo.InvariantCulture, $"SYN-NEW-{n:D4}"), VulnerabilitySource.Osv, Modified) { Affected = affected };
    }

    /// <summary>The name (as OSV writes it) of the package of popularity rank <paramref name="rank"/> (0 is the most popular).</summary>
    public string PackageName(int rank) => NameOf(rank, EcosystemOf(rank, _seed));

    /// <summary>The purl, without version, of the package of popularity rank <paramref name="rank"/>.</summary>
    public PackageUrl PackagePurl(int rank)
    {
        var ecosystem = EcosystemOf(rank, _seed);
        PackageNames.TryToPurl(Distribution(ecosystem) ? ecosystem + ":" + (ecosystem == "Debian" ? "12" : "22.04:LTS") : ecosystem,
            NameOf(rank, ecosystem), null, out var purl);
        return purl!;
    }

    private SbomComponent ComponentOf(int package, int version, int release, string[] history)
    {
        var ecosystem = EcosystemOf(package, _seed);
        var releases = ecosystem == "Debian" ? DebianReleases : UbuntuReleases;
        var key = (package, version, Distribution(ecosystem) ? release % releases.Length : 0);
        lock (_components)
        {
            if (_components.TryGetValue(key, out var known))
                return known;
        }
        var full = Distribution(ecosystem) ? $"{ecosystem}:{releases[key.Item3]}" : ecosystem;
        PackageNames.TryToPurl(full, NameOf(package, ecosystem), history[version], out var purl);
        var component = new SbomComponent(purl!.ToString(), purl.Name) { Version = history[version], Purl = purl, Type = "library" };
        lock (_components)
            _components[key] = component;
        return component;
    }

    private static VulnerabilityRecord Record(int n, int package, int count, Random random, double[] popularity, int seed)
    {
        var ecosystem = EcosystemOf(package, seed);
        var affected = new List<AffectedPackage>(count);
        if (Distribution(ecosystem))
        {
            var releases = ecosystem == "Debian" ? DebianReleases : UbuntuReleases;
            var history = History(package, seed);
            var events = Shape(random, history);
            for (var r = 0; r < count; r++)
                affected.Add(Entry($"{ecosystem}:{releases[r]}", package, events));
        }
        else
        {
            var package1 = package;
            for (var k = 0; k < count; k++)
            {
                affected.Add(Entry(ecosystem, package1, Shape(random, History(package1, seed))));
                // Further entries name other packages of the ecosystem (a vulnerability in several libraries).
                do
                    package1 = Draw(random, popularity);
                while (EcosystemOf(package1, seed) != ecosystem && k + 1 < count);
            }
        }
        return new VulnerabilityRecord(string.Create(CultureInfo.InvariantCulture, $"SYN-{n + 1:D7}"), VulnerabilitySource.Osv, Modified)
        {
            Aliases = [string.Create(CultureInfo.InvariantCulture, $"CVE-2026-{n + 10_000}")],
            Affected = affected,
        };
    }

    // Range shapes in real records: mostly introduced + fixed; some from 0; some last_affected; some two intervals;
    // some enumerated versions behind a GIT range.
    private static string[] Shape(Random random, string[] history)
    {
        var roll = random.NextDouble();
        var a = random.Next(history.Length - 1);
        var b = a + 1 + random.Next(Math.Min(8, history.Length - a - 1));
        if (roll < 0.62)
            return [$"introduced:{history[a]}", $"fixed:{history[b]}"];
        if (roll < 0.77)
            return ["introduced:0", $"fixed:{history[b]}"];
        if (roll < 0.87)
            return [$"introduced:{history[a]}", $"last_affected:{history[b - 1]}"];
        if (roll < 0.95 && b + 2 < history.Length)
            return [$"introduced:{history[a]}", $"fixed:{history[b]}", $"introduced:{history[b + 1]}", $"fixed:{history[b + 2]}"];
        return ["versions", .. history[a..b]];
    }

    private static AffectedPackage Entry(string ecosystem, int package, params string[] shape)
    {
        var name = NameOf(package, PackageNames.EcosystemBase(ecosystem));
        if (shape[0] == "versions")
        {
            return new AffectedPackage(ecosystem, name)
            {
                Ranges = [new AffectedRange(RangeType.Git, [new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b")])
                    { Repository = "https://example.com/" + name }],
                Versions = shape[1..],
            };
        }
        var type = VersionSchemes.TryFor(ecosystem, out _) ? RangeType.Ecosystem : RangeType.Semver;
        var events = shape.Select(e =>
        {
            var colon = e.IndexOf(':', StringComparison.Ordinal);
            var kind = e[..colon] switch
            {
                "introduced" => RangeEventKind.Introduced,
                "fixed" => RangeEventKind.Fixed,
                _ => RangeEventKind.LastAffected,
            };
            return new RangeEvent(kind, e[(colon + 1)..]);
        }).ToArray();
        return new AffectedPackage(ecosystem, name) { Ranges = [new AffectedRange(type, events)] };
    }

    private static bool Distribution(string ecosystem) => ecosystem is "Debian" or "Ubuntu";

    private static int Capacity(int package, int seed) => EcosystemOf(package, seed) switch
    {
        "Debian" => DebianReleases.Length,
        "Ubuntu" => UbuntuReleases.Length,
        _ => 12,
    };

    private static int NaturalCount(Random random, int package, int seed)
    {
        if (Distribution(EcosystemOf(package, seed)))
            return 3 + random.Next(8);
        var roll = random.NextDouble();
        return roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3 + random.Next(4);
    }

    // A seed made of three numbers, the same in every process (HashCode.Combine is randomised per process, which made
    // the "fixed seed" corpus differ from run to run): SplitMix64's finaliser over the three.
    private static int Mix(int a, int b, int c)
    {
        var x = unchecked(((ulong)(uint)a << 32 | (uint)b) * 0x9E3779B97F4A7C15UL + (uint)c);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }

    private static string EcosystemOf(int package, int seed)
    {
        var roll = new Random(Mix(seed, package, 1)).NextDouble();
        foreach (var (ecosystem, weight) in Ecosystems)
        {
            if (roll < weight)
                return ecosystem;
            roll -= weight;
        }
        return Ecosystems[^1].Ecosystem;
    }

    private static string NameOf(int package, string ecosystem) => ecosystem switch
    {
        "npm" => package % 7 == 0 ? $"@scope{package % 97}/pkg-{package}" : $"pkg-{package}",
        "PyPI" => $"py-pkg-{package}",
        "Maven" => $"org.example{package % 211}:artifact-{package}",
        "Go" => $"github.com/org{package % 307}/mod{package}",
        "Packagist" => $"vendor{package % 113}/pkg{package}",
        _ => $"pkg{package}",
    };

    // A package's release history: 6 to 40 increasing MAJOR.MINOR.PATCH versions, fixed by the package and the seed.
    private static string[] History(int package, int seed)
    {
        var random = new Random(Mix(seed, package, 2));
        var count = 6 + random.Next(35);
        var history = new string[count];
        int major = random.Next(3), minor = random.Next(5), patch = 0;
        for (var i = 0; i < count; i++)
        {
            var step = random.Next(10);
            if (step == 0)
                (major, minor, patch) = (major + 1, 0, 0);
            else if (step < 4)
                (minor, patch) = (minor + 1, 0);
            else
                patch++;
            history[i] = Intern(major, minor, patch);
        }
        return history;
    }

    // One string per distinct version text, so that records and components share them as real feeds would.
    private static readonly Dictionary<(int, int, int), string> Texts = [];
    private static readonly Lock TextsLock = new();

    private static string Intern(int major, int minor, int patch)
    {
        lock (TextsLock)
        {
            if (!Texts.TryGetValue((major, minor, patch), out var text))
                Texts[(major, minor, patch)] = text = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
            return text;
        }
    }

    // Zipf-Mandelbrot: probability ∝ 1 / (rank + 20). With pure Zipf (offset 0) the most popular of 100,000 packages
    // would carry 8 % of all records; with 20 it carries about 0.6 %, a few thousand records, as the Linux kernel or
    // the most advised libraries do in OSV.
    private const int PopularityOffset = 20;

    private static double[] Cumulative(int packages)
    {
        var cumulative = new double[packages];
        var sum = 0.0;
        for (var i = 0; i < packages; i++)
        {
            sum += 1.0 / (i + 1 + PopularityOffset);
            cumulative[i] = sum;
        }
        for (var i = 0; i < packages; i++)
            cumulative[i] /= sum;
        return cumulative;
    }

    private static int Draw(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
    }
}
