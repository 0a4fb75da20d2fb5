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
        Assert.Throws<ArgumentException>(() => Assessment.Start(draft, 1, Guid.NewGuid(), "aoi", Now));
        var company = Baseline.ForField("A", "A", [Guideline("g", ("1", "M"))], null);
        company.Publish(Now);
        Assert.Throws<ArgumentException>(() => Assessment.Start(company, 1, Guid.NewGuid(), "aoi", Now));
    }

    [Fact]
    public void Record_NotApplicable_NeedsAJustification()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        var e = Assert.Throws<ArgumentException>(() => assessment.Record(["g/1"], "g/1", ImplementationStatus.NotApplicable, " ", null, [], "aoi", Today));
        Assert.Equal("justification", e.ParamName);
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
        var e = Assert.Throws<ArgumentException>(() => assessment.Record(["g/1"], "g/1", ImplementationStatus.Implemented, null, null, [link], "aoi", Today));
        Assert.Contains(link, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_ALineNotInTheBaselineVersion_IsRefused()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        Assert.Throws<ArgumentException>(() => assessment.Record(["g/1"], "g/9", ImplementationStatus.Implemented, null, null, [], "aoi", Today));
    }

    [Fact]
    public void Complete_NeedsEveryIncludedLineAssessed_AndRecordingAgainChangesTheEntry()
    {
        var assessment = Assessment.Start(Published(), 1, Guid.NewGuid(), "aoi", Now);
        assessment.Record(["g/1", "g/2"], "g/1", ImplementationStatus.Partial, null, "Half done", ["https://wiki.example/sb"], "aoi", Today);
        var e = Assert.Throws<InvalidOperationException>(() => assessment.Complete(["g/1", "g/2"], Now));
        Assert.Contains("g/2", e.Message, StringComparison.Ordinal);

        assessment.Record(["g/1", "g/2"], "g/1", ImplementationStatus.Implemented, null, "Done", [], "ren", Today);
        assessment.Record(["g/1", "g/2"], "g/2", ImplementationStatus.NotImplemented, null, null, [], "ren", Today);
        assessment.Complete(["g/1", "g/2"], Now);

        Assert.Equal(2, assessment.Entries.Count);
        Assert.Equal(ImplementationStatus.Implemented, assessment.Find("g/1")!.Status);
        Assert.Equal("ren", assessment.Find("g/1")!.Assessor);
        Assert.Empty(assessment.Find("g/1")!.Links);
        Assert.Equal(Now, assessment.CompletedAt);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\aoi\\report.pdf", "report.pdf")]
    [InlineData("検査報告書.pdf", "検査報告書.pdf")]
    public void EvidenceFile_KeepsOnlyTheFileName(string uploaded, string stored) =>
        Assert.Equal(stored, EvidenceFile.Describe(Guid.NewGuid(), "g/1", uploaded, "application/pdf", 10, "ab", "aoi", Now).FileName);

    [Fact]
    public void EvidenceFile_LargerThanTheLimit_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EvidenceFile.Describe(Guid.NewGuid(), "g/1", "a.bin", null, EvidenceFile.MaxLength + 1, "ab", "aoi", Now));
}
