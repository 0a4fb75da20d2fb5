using Shirube.Domain.Psirt;

namespace Shirube.Domain.Tests.Psirt;

/// <summary>The checks a PSIRT manager sees on each row of the RACI matrix.</summary>
public sealed class RaciMatrixTests
{
    [Theory]
    [InlineData("RA", "")]
    [InlineData("RACI", "")]
    [InlineData("RRAC", "")]
    [InlineData("", "NoAccountable NoResponsible")]
    [InlineData("CI", "NoAccountable NoResponsible")]
    [InlineData("R", "NoAccountable")]
    [InlineData("A", "NoResponsible")]
    [InlineData("RAA", "SeveralAccountable")]
    [InlineData("AAI", "SeveralAccountable NoResponsible")]
    public void Warnings_Row_NamesWhatIsMissingOrDoubled(string letters, string expected)
    {
        var row = letters.Select(c => Enum.Parse<RaciRole>(c.ToString()));

        Assert.Equal(expected, string.Join(' ', RaciMatrix.Warnings(row)));
    }

    [Fact]
    public void Warnings_Matrix_CoversEveryFirstServiceAndOnlyTheFilledRowIsClean()
    {
        var development = Guid.NewGuid();
        var qualityAssurance = Guid.NewGuid();
        RaciAssignment[] cells =
        [
            RaciAssignment.Create("2.1", development, RaciRole.R),
            RaciAssignment.Create("2.1", qualityAssurance, RaciRole.A),
            RaciAssignment.Create("4.2", development, RaciRole.A),
            RaciAssignment.Create("4.2", qualityAssurance, RaciRole.A),
        ];

        var warnings = RaciMatrix.Warnings(cells);

        Assert.Equal(FirstServices.Services.Count, warnings.Count);
        Assert.Empty(warnings["2.1"]);
        Assert.Equal([RaciWarning.SeveralAccountable, RaciWarning.NoResponsible], warnings["4.2"]);
        Assert.Equal([RaciWarning.NoAccountable, RaciWarning.NoResponsible], warnings["6.5"]);
    }

    [Fact]
    public void Create_UnknownService_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => RaciAssignment.Create("7.1", Guid.NewGuid(), RaciRole.R)).Error;
        Assert.Equal(("Psirt.UnknownService", "serviceId"), (e.Code, e.Field));
        Assert.Equal(["7.1", FirstServices.FrameworkVersion], e.Args);
    }

    [Fact]
    public void FirstServices_HoldTheFrameworksSixAreasAnd28Services_WithTheCorrectedNamesMarked()
    {
        Assert.Equal(["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"], FirstServices.Areas.Select(a => a.Id));
        Assert.Equal(28, FirstServices.Services.Count);
        Assert.Equal([7, 5, 3, 4, 4, 5], FirstServices.Areas.Select(a => FirstServices.Services.Count(s => s.AreaId == a.Id)));
        Assert.Equal(["1.2", "1.6", "4.1", "5.4", "6.5"], FirstServices.Services.Where(s => s.Verify is not null).Select(s => s.Id));
        Assert.All(FirstServices.Services, s => Assert.StartsWith(FirstServices.Areas.Single(a => a.Id == s.AreaId).Number + ".", s.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void FirstServices_AgreeWithTheSharedReferenceList()
    {
        // The reference lists sit beside the corpora (shared/reference next to shared/corpora).
        var reference = Path.Combine(SharedCorpora.Folder("..", "the FIRST reference list"), "reference", "guidelines", "first-psirt-services-framework-1.1.tsv");
        var rows = File.ReadAllLines(reference).Skip(1).Select(l => l.Split('\t')).Where(c => c[1].Length > 0).ToList();

        Assert.Equal(rows.Select(c => (c[0], c[1], c[2])), FirstServices.Services.Select(s => (s.Id, s.AreaId, s.OfficialName)));
        Assert.Equal(rows.Where(c => !c[3].StartsWith("confirmed", StringComparison.Ordinal)).Select(c => c[0]),
            FirstServices.Services.Where(s => s.Verify is not null).Select(s => s.Id));
    }

    [Theory]
    [InlineData(PsirtCommitment.Dedicated, 40, 100)]
    [InlineData(PsirtCommitment.PartTime, 30, 30)]
    public void Member_Commitment_SetsTheShareOfTime(PsirtCommitment commitment, int share, int expected)
    {
        var member = PsirtMember.Create("Sato", null, null, "Triage", commitment, share);

        Assert.Equal(expected, member.TimeSharePercent);
        Assert.Equal(expected / 100m, member.Fte);
    }

    [Fact]
    public void Member_PartTimeWithoutShare_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => PsirtMember.Create("Sato", null, null, "Triage", PsirtCommitment.PartTime, 0)).Error;
        Assert.Equal(("Psirt.PartTimeShare", "timeSharePercent", ErrorKind.Invalid), (e.Code, e.Field, e.Kind));
    }

    [Theory]
    [InlineData("", "Triage", "name", "Common.Required")]
    [InlineData("Sato", " ", "role", "Common.Required")]
    [InlineData("Sato", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "role", "Common.TooLong")]
    public void Member_BlankOrLongText_IsRefusedNamingTheField(string name, string role, string field, string code)
    {
        var e = Assert.Throws<DomainException>(() => PsirtMember.Create(name, null, null, role, PsirtCommitment.Dedicated, 100)).Error;
        Assert.Equal((code, field), (e.Code, e.Field));
    }

    [Fact]
    public void Organisation_UnknownSetupOrLongNotes_IsRefused()
    {
        Assert.Equal("Common.UnknownValue", Assert.Throws<DomainException>(() => PsirtOrganisation.Create((PsirtSetup)9)).Error.Code);
        var notes = Assert.Throws<DomainException>(() => PsirtOrganisation.Create(PsirtSetup.Hybrid, new string('x', PsirtOrganisation.MaxNotes + 1))).Error;
        Assert.Equal(("Common.TooLong", "notes"), (notes.Code, notes.Field));
    }
}
