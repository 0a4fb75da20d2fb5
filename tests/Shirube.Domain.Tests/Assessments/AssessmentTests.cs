using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Assessments;

public class AssessmentTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    internal static Guideline Guideline(string id, params (string Id, string Level)[] requirements) => new()
    {
        Id = id, Name = new(id, id), ShortName = id, Issuer = "x", Region = GuidelineRegion.Global, Year = 2020, Kind = GuidelineKind.Standard,
        Scope = new("s", "s"), Summary = new("s", "s"), Source = new("https://example.org", "CC0", "ours", null), ExpectedCount = requirements.Length,
        Requirements = [.. requirements.Select(r => new Requirement
        {
            Id = r.Id, Title = new($"Requirement {r.Id}", $"要件 {r.Id}"), Summary = new("s", "s"), Parts = [IotPart.Device], Phases = [LifecyclePhase.Design], Level = r.Level,
        })],
    };

    private static Baseline Published()
    {
        var baseline = Baseline.Tailor("b", Guid.NewGuid(), Guid.NewGuid(), [Guideline("g", ("1", "M"), ("2", "R"))], 0);
        baseline.Publish(Now);
        return baseline;
    }

    [Fact]
    public void Start_NeedsAPublishedProductBaseline()
    {
        var draft = Baseline.Tailor("b", Guid.NewGuid(), Guid.NewGuid(), [Guideline("g", ("1", "M"))], 0);
        Assert.Equal("Assessments.NotPublished", Assert.Throws<DomainException>(() => Assessment.Start(draft, 1, Guid.NewGuid(), "aoi", Now)).Error.Code);
        var company = Baseline.ForField("A", "A", [Guideline("g", ("1", "M"))], null);
        company.Publish(Now);
        Assert.Equal("Assessments.CompanyBaseline", Assert.Throws<DomainException>(() => Assessment.Start(company, 1, Guid.NewGuid(), "aoi", Now)).Error.Code);
    }

    [Fact]
    public void Record_NotApplicable_NeedsAJustification()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        var e = Assert.Throws<DomainException>(() => assessment.Record(["g/1"], "g/1", ImplementationStatus.NotApplicable, " ", null, [], "aoi", Today)).Error;
        Assert.Equal(("Assessments.JustificationRequired", "justification"), (e.Code, e.Field));
        var entry = assessment.Record(["g/1"], "g/1", ImplementationStatus.NotApplicable, "No radio in this model.", null, [], "aoi", Today);
        Assert.Equal("No radio in this model.", entry.Justification);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a link")]
    public void Record_RefusesLinksThatAreNotHttp(string link)
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        var e = Assert.Throws<DomainException>(() => assessment.Record(["g/1"], "g/1", ImplementationStatus.Implemented, null, null, [link], "aoi", Today)).Error;
        Assert.Equal(("Assessments.NotALink", "links"), (e.Code, e.Field));
        Assert.Equal(link, e.Args[0]);
    }

    [Fact]
    public void Record_ALineNotInTheBaselineVersion_IsRefused()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        var e = Assert.Throws<DomainException>(() => assessment.Record(["g/1"], "g/9", ImplementationStatus.Implemented, null, null, [], "aoi", Today)).Error;
        Assert.Equal(("Assessments.NoLine", "key"), (e.Code, e.Field));
    }

    [Fact]
    public void Complete_NeedsEveryIncludedLineAssessed_AndRecordingAgainChangesTheEntry()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        assessment.Record(["g/1", "g/2"], "g/1", ImplementationStatus.Partial, null, "Half done", ["https://wiki.example/sb"], "aoi", Today);
        var e = Assert.Throws<DomainException>(() => assessment.Complete(["g/1", "g/2"], Now)).Error;
        Assert.Equal(("Assessments.NotAllAssessed", ErrorKind.Conflict), (e.Code, e.Kind));
        Assert.Equal([1, "g/2"], e.Args);

        assessment.Record(["g/1", "g/2"], "g/1", ImplementationStatus.Implemented, null, "Done", [], "ren", Today);
        assessment.Record(["g/1", "g/2"], "g/2", ImplementationStatus.NotImplemented, null, null, [], "ren", Today);
        assessment.Complete(["g/1", "g/2"], Now);

        Assert.Equal(2, assessment.Entries.Count);
        Assert.Equal(ImplementationStatus.Implemented, assessment.Find("g/1")!.Status);
        Assert.Equal("ren", assessment.Find("g/1")!.Assessor);
        Assert.Empty(assessment.Find("g/1")!.Links);
        Assert.Equal(Now, assessment.CompletedAt);
        Assert.Equal("Assessments.Completed", Assert.Throws<DomainException>(() =>
            assessment.Record(["g/1", "g/2"], "g/1", ImplementationStatus.Partial, null, null, [], "ren", Today)).Error.Code);
    }

    [Fact]
    public void Record_UnknownStatusOrTooManyLinks_IsRefusedNamingTheField()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        var status = Assert.Throws<DomainException>(() => assessment.Record(["g/1"], "g/1", (ImplementationStatus)42, null, null, [], "aoi", Today)).Error;
        Assert.Equal(("Common.UnknownValue", "status"), (status.Code, status.Field));
        var links = Assert.Throws<DomainException>(() => assessment.Record(["g/1"], "g/1", ImplementationStatus.Implemented, null, null,
            Enumerable.Range(1, 21).Select(i => $"https://wiki.example/{i}"), "aoi", Today)).Error;
        Assert.Equal(("Assessments.TooManyLinks", "links"), (links.Code, links.Field));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\aoi\\report.pdf", "report.pdf")]
    [InlineData("検査報告書.pdf", "検査報告書.pdf")]
    public void EvidenceFile_KeepsOnlyTheFileName(string uploaded, string stored) =>
        Assert.Equal(stored, EvidenceFile.Describe(Guid.NewGuid(), "g/1", uploaded, "application/pdf", 10, "ab", "aoi", Now).FileName);

    [Fact]
    public void EvidenceFile_LargerThanTheLimit_IsRefused() =>
        Assert.Equal(("Assessments.FileSize", "file"),
            Assert.Throws<DomainException>(() => EvidenceFile.Describe(Guid.NewGuid(), "g/1", "a.bin", null, EvidenceFile.MaxLength + 1, "ab", "aoi", Now)).Error is var e ? (e.Code, e.Field) : default);

    [Theory]
    [InlineData("")]
    [InlineData("dir/")]
    [InlineData("a\u0001b.pdf")]
    public void EvidenceFile_WithoutAUsableName_IsRefused(string uploaded) =>
        Assert.Equal(("Files.BadName", "file"),
            Assert.Throws<DomainException>(() => EvidenceFile.Describe(Guid.NewGuid(), "g/1", uploaded, null, 10, "ab", "aoi", Now)).Error is var e ? (e.Code, e.Field) : default);
}
