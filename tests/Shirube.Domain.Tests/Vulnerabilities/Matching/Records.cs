using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>Short ways to write the records and components of matching tests.</summary>
internal static class Records
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>"introduced:0 fixed:1.4.3" → events in the order written.</summary>
    public static RangeEvent[] Events(string events) =>
        events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var colon = e.IndexOf(':', StringComparison.Ordinal);
            var kind = e[..colon] switch
            {
                "introduced" => RangeEventKind.Introduced,
                "fixed" => RangeEventKind.Fixed,
                "last_affected" => RangeEventKind.LastAffected,
                "limit" => RangeEventKind.Limit,
                var other => throw new ArgumentException($"Unknown event {other}."),
            };
            return new RangeEvent(kind, e[(colon + 1)..]);
        }).ToArray();

    public static VulnerabilityRecord Osv(string id, params AffectedPackage[] affected) =>
        new(id, VulnerabilitySource.Osv, Modified) { Affected = affected };

    public static AffectedPackage Package(string ecosystem, string name, RangeType type, params string[] ranges) =>
        new(ecosystem, name) { Ranges = ranges.Select(r => new AffectedRange(type, Events(r))).ToArray() };

    public static SbomComponent Component(string purl)
    {
        var parsed = PackageUrl.Parse(purl);
        return new SbomComponent(purl, parsed.Name) { Version = parsed.Version, Purl = parsed };
    }

    public static SbomComponent CpeComponent(string reference, string cpe)
    {
        var parsed = Cpe.Parse(cpe);
        return new SbomComponent(reference, parsed.Product) { Version = parsed.Version, Cpe = parsed };
    }

    public static VulnerabilityRecord Nvd(string id, params CpeConfiguration[] configurations) =>
        new(id, VulnerabilitySource.Nvd, Modified) { Configurations = configurations };

    public static CpeConfiguration Or(params CpeMatch[] matches) => new(CpeOperator.Or, [new CpeNode(CpeOperator.Or, false, matches)]);

    public static CpeMatch Vulnerable(string cpe) => new(Cpe.Parse(cpe), true);

    public static CpeMatch Platform(string cpe) => new(Cpe.Parse(cpe), false);
}
