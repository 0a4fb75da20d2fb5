using Shirube.Domain.Disclosure.Advisories;
using Shirube.Formats.Disclosure;

namespace Shirube.Formats.Tests.Disclosure;

public partial class CsafWriterTests
{
    private static readonly string[] V3Vectors =
    [
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
        "CVSS:3.0/AV:A/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H/E:F/RL:O/RC:C",
    ];

    private static readonly string[] V4Vectors =
    [
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N",
    ];

    // Generated advisories from a fixed seed (the same rows every run): every combination the composer can meet,
    // as long as the case has some version and, for a v4.0 case, a v3.1 vector beside it.
    public static TheoryData<AdvisoryCase> Generated()
    {
        var random = new Random(13);
        var rows = new TheoryData<AdvisoryCase>();
        for (var i = 0; i < 60; i++)
        {
            var v4 = random.Next(3) == 0;
            var affected = random.Next(0, 5);
            var fixedCount = random.Next(affected == 0 ? 1 : 0, 4);
            // Only a written advisory passes review, so only one with texts has been published before.
            var texts = random.Next(4) != 0;
            rows.Add(new AdvisoryCase($"generated #{i}", random.Next(2) == 0 ? "ja" : "en", (DocumentStatus)random.Next(3),
                v4 ? V4Vectors[random.Next(V4Vectors.Length)] : V3Vectors[random.Next(V3Vectors.Length)],
                v4 ? V3Vectors[random.Next(2)] : null, random.Next(2) == 0, affected, fixedCount, (TlpLabel)random.Next(4),
                Texts: texts, Published: texts && random.Next(3) == 0));
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void Write_GeneratedAdvisory_PassesTheValidatorWithoutErrorsOrWarnings(AdvisoryCase row)
    {
        var report = CsafValidator.Validate(CsafWriter.Write(Compose(row)), "advisory.json");

        Assert.Empty(report.Errors.Concat(report.Warnings).Select(r => $"{r.Test} {r.Path}: {r.Message}"));
    }
}
