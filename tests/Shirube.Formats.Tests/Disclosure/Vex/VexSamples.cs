using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Domain.Packages;

namespace Shirube.Formats.Tests.Disclosure.Vex;

/// <summary>A gateway product version with an OpenSSL inside, and statements about it.</summary>
internal static class VexSamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(9));

    public static VexProduct Gateway { get; } = new("SG-100 sensor gateway")
    {
        Version = "2.1.0",
        Purl = PackageUrl.Parse("pkg:generic/example-devices/sg-100@2.1.0"),
        Cpe = Cpe.Parse("cpe:2.3:o:example-devices:sg-100_firmware:2.1.0:*:*:*:*:*:*:*"),
    };

    public static VexProduct OpenSsl { get; } = new("openssl")
    {
        Version = "3.0.7",
        Purl = PackageUrl.Parse("pkg:generic/openssl@3.0.7"),
    };

    public static VexStatement Statement(VexStatus status, FindingJustification? justification = null, bool withComponent = true) =>
        new(new VexVulnerability("CVE-2023-0286") { Aliases = ["GHSA-x4qr-2fvf-3mr5"] }, Gateway, status)
        {
            Component = withComponent ? OpenSsl : null,
            Justification = justification,
            ImpactStatement = status == VexStatus.NotAffected && justification is null ? "The X.400 address code is not used by the gateway." : null,
            ActionStatement = status == VexStatus.Affected ? "Update the firmware to 2.1.1." : null,
            Responses = status == VexStatus.Affected ? [VexResponse.Update] : [],
            Timestamp = Now,
        };

    public static VexDocument Document(params VexStatement[] statements) =>
        new(Guid.Parse("3f2b8c1e-6a4d-4e0f-9b7a-1c2d3e4f5a6b"), "Example Devices PSIRT", 1, Now, statements);
}
