using Shirube.Domain.Psirt;
using Shirube.Formats.Psirt;

namespace Shirube.Formats.Tests.Psirt;

/// <summary>
/// The RACI grid's service list (in code) and the maturity content (YAML) describe the same framework: they must name
/// the same areas and services, with the same official names and the same VERIFY marks.
/// </summary>
public class FirstServicesAgreementTests
{
    [Fact]
    public void RaciServicesAndMaturityContent_NameTheSameServicesWithTheSameMarks()
    {
        var framework = PsirtFrameworkReader.Load();

        Assert.Equal(framework.Areas.Select(a => (a.Id, a.Name)), FirstServices.Areas.Select(a => (a.Id, a.OfficialName)));
        Assert.Equal(framework.Services.Select(s => (s.Id, s.AreaId, s.Name, s.Verify)),
            FirstServices.Services.Select(s => (s.Id, s.AreaId, s.OfficialName, s.Verify is not null)));
    }
}
