using Shirube.Domain.Guidelines;
using Shirube.Domain.Psirt;

namespace Shirube.Domain.Tests.Psirt;

public class MaturityScoreTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly LocalizedText T = new("t", "t");

    /// <summary>A small framework: SA1 with three services, SA2 with two.</summary>
    internal static readonly PsirtFramework Framework = new("1.1",
    [
        new PsirtServiceArea("SA1", "Area one", T, T, [Service("1.1", "SA1"), Service("1.2", "SA1"), Service("1.3", "SA1")]),
        new PsirtServiceArea("SA2", "Area two", T, T, [Service("2.1", "SA2"), Service("2.2", "SA2")]),
    ], [new PsirtMaturityLevel("ML1", MaturityLevel.Basic, "Basic", T, true)]);

    private static PsirtService Service(string id, string area) => new(id, area, "Service " + id, T, T, false, []);

    private static MaturityAssessment Assessment(params (string Service, ServicePractice Practice)[] answers)
    {
        var a = MaturityAssessment.Start(Framework, "FY2026", new DateOnly(2026, 12, 1), "PSIRT team", "hana", Now);
        foreach (var (service, practice) in answers)
            a.Answer(service, practice, null, null, null);
        return a;
    }

    public sealed record ScoreCase(string Name, (string, ServicePractice)[] Answers, decimal? Sa1, decimal? Sa2, decimal? Overall)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<ScoreCase> Scores => new(
        new ScoreCase("nothing answered: everything scores 0", [], 0m, 0m, 0m),
        new ScoreCase("one in place of three in SA1", [("1.1", ServicePractice.InPlace)], 0.3333m, 0m, 0.2m),
        new ScoreCase("in place and partial: 1.5 of 3", [("1.1", ServicePractice.InPlace), ("1.2", ServicePractice.Partial), ("1.3", ServicePractice.NotInPlace)], 0.5m, 0m, 0.3m),
        new ScoreCase("not applicable is left out", [("1.1", ServicePractice.InPlace), ("1.2", ServicePractice.NotApplicable), ("1.3", ServicePractice.NotApplicable)], 1m, 0m, 0.3333m),
        new ScoreCase("an area entirely not applicable has no score", [("2.1", ServicePractice.NotApplicable), ("2.2", ServicePractice.NotApplicable), ("1.1", ServicePractice.Partial)], 0.1667m, null, 0.1667m),
        new ScoreCase("everything in place: 100 %", [("1.1", ServicePractice.InPlace), ("1.2", ServicePractice.InPlace), ("1.3", ServicePractice.InPlace), ("2.1", ServicePractice.InPlace), ("2.2", ServicePractice.InPlace)], 1m, 1m, 1m));

    [Theory]
    [MemberData(nameof(Scores))]
    public void ByAreaAndOverall_Answers_GiveTheShareOfPointsReachable(ScoreCase c)
    {
        var a = Assessment(c.Answers);
        var areas = MaturityScore.ByArea(Framework, a);
        Assert.Equal([c.Sa1, c.Sa2], areas.Select(s => s.Score));
        Assert.Equal(c.Overall, MaturityScore.Overall(a));
    }

    public sealed record TrendCase(string Name, ServicePractice Before, MaturityLevel? LevelBefore, ServicePractice After, MaturityLevel? LevelAfter, MaturityTrend Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<TrendCase> Trends => new(
        new TrendCase("not in place → partial: improved", ServicePractice.NotInPlace, null, ServicePractice.Partial, null, MaturityTrend.Improved),
        new TrendCase("partial → in place: improved", ServicePractice.Partial, null, ServicePractice.InPlace, null, MaturityTrend.Improved),
        new TrendCase("in place → partial: worse", ServicePractice.InPlace, null, ServicePractice.Partial, null, MaturityTrend.Worse),
        new TrendCase("unanswered → not in place: unchanged (both 0)", ServicePractice.NotAssessed, null, ServicePractice.NotInPlace, null, MaturityTrend.Unchanged),
        new TrendCase("in place, basic → intermediate: improved", ServicePractice.InPlace, MaturityLevel.Basic, ServicePractice.InPlace, MaturityLevel.Intermediate, MaturityTrend.Improved),
        new TrendCase("in place, advanced → basic: worse", ServicePractice.InPlace, MaturityLevel.Advanced, ServicePractice.InPlace, MaturityLevel.Basic, MaturityTrend.Worse),
        new TrendCase("partial, same level: unchanged", ServicePractice.Partial, MaturityLevel.Basic, ServicePractice.Partial, MaturityLevel.Basic, MaturityTrend.Unchanged),
        new TrendCase("not applicable → in place: not comparable", ServicePractice.NotApplicable, null, ServicePractice.InPlace, null, MaturityTrend.NotComparable),
        new TrendCase("not applicable both times: unchanged", ServicePractice.NotApplicable, null, ServicePractice.NotApplicable, null, MaturityTrend.Unchanged));

    [Theory]
    [MemberData(nameof(Trends))]
    public void Trend_TwoAnswers_ComparesPointsThenBelievedLevel(TrendCase c) =>
        Assert.Equal(c.Expected, MaturityScore.Trend(c.Before, c.LevelBefore, c.After, c.LevelAfter));

    [Fact]
    public void Start_FromACompletedAssessment_CopiesItsAnswersAndShowsProgressPerServiceAndArea()
    {
        var first = Assessment(("1.1", ServicePractice.Partial), ("2.1", ServicePractice.InPlace));
        first.Answer("1.1", ServicePractice.Partial, "Quality assurance", "QA-PRC-12 incident review", MaturityLevel.Basic);
        first.Complete("hana", Now);

        var second = MaturityAssessment.Start(Framework, "FY2027", new DateOnly(2027, 6, 1), "PSIRT team", "hana", Now.AddMonths(6), first);
        Assert.Equal(first.Id, second.PreviousId);
        var copied = second.Answers.Single(a => a.ServiceId == "1.1");
        Assert.Equal((ServicePractice.Partial, "Quality assurance", "QA-PRC-12 incident review", MaturityLevel.Basic),
            (copied.Practice, copied.OwnerDepartment, copied.Evidence, copied.Level));

        second.Answer("1.1", ServicePractice.InPlace, "Quality assurance", "QA-PRC-12, reviewed quarterly", MaturityLevel.Basic);
        second.Answer("2.1", ServicePractice.Partial, null, null, null);

        var services = MaturityScore.Services(second, first).ToDictionary(p => p.ServiceId, p => p.Trend);
        Assert.Equal(MaturityTrend.Improved, services["1.1"]);
        Assert.Equal(MaturityTrend.Worse, services["2.1"]);
        Assert.Equal(MaturityTrend.Unchanged, services["1.2"]);
        var areas = MaturityScore.Areas(Framework, second, first);
        Assert.Equal([(0.1667m, 0.3333m, MaturityTrend.Improved), (0.5m, 0.25m, MaturityTrend.Worse)], areas.Select(p => (p.Before!.Value, p.After!.Value, p.Trend)));
        Assert.All(MaturityScore.Services(first, null), p => Assert.Equal(MaturityTrend.NotComparable, p.Trend));
    }

    [Fact]
    public void Answer_OnACompletedAssessment_IsRefusedAndNothingChanges()
    {
        var a = Assessment(("1.1", ServicePractice.Partial));
        a.Complete("hana", Now);
        var error = Assert.Throws<DomainException>(() => a.Answer("1.1", ServicePractice.InPlace, null, null, null)).Error;
        Assert.Equal(("Psirt.AssessmentCompleted", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Equal([a.Title, DateOnly.FromDateTime(Now)], error.Args);
        Assert.Equal(ServicePractice.Partial, a.Answers.Single(x => x.ServiceId == "1.1").Practice);
        Assert.Equal("Psirt.AssessmentCompleted", Assert.Throws<DomainException>(() => a.Complete("hana", Now)).Error.Code);
        Assert.Equal("Psirt.PreviousNotCompleted", Assert.Throws<DomainException>(() => MaturityAssessment.Start(Framework, "next", new DateOnly(2027, 1, 1), "x", "hana", Now,
            Assessment(("1.1", ServicePractice.InPlace)))).Error.Code);
    }

    [Theory]
    [InlineData("9.9", "serviceId")]
    public void Answer_UnknownServiceOrTooLongEvidence_NamesTheField(string service, string field)
    {
        var a = Assessment();
        var unknown = Assert.Throws<DomainException>(() => a.Answer(service, ServicePractice.InPlace, null, null, null)).Error;
        Assert.Equal(("Psirt.ServiceNotInAssessment", field), (unknown.Code, unknown.Field));
        var tooLong = Assert.Throws<DomainException>(() => a.Answer("1.1", ServicePractice.InPlace, null, new string('x', MaturityAnswer.MaxEvidence + 1), null)).Error;
        Assert.Equal(("Common.TooLong", "evidence"), (tooLong.Code, tooLong.Field));
        Assert.Equal("Common.UnknownValue", Assert.Throws<DomainException>(() => a.Answer("1.1", (ServicePractice)42, null, null, null)).Error.Code);
        Assert.Equal(ServicePractice.NotAssessed, a.Answers.Single(x => x.ServiceId == "1.1").Practice);
    }

    [Theory]
    [InlineData("", "title", "Common.Required")]
    [InlineData("   ", "title", "Common.Required")]
    public void Start_WithoutTitle_IsRefusedNamingTheField(string title, string field, string code)
    {
        var error = Assert.Throws<DomainException>(() => MaturityAssessment.Start(Framework, title, new DateOnly(2026, 6, 30), "PSIRT", "hana", Now)).Error;
        Assert.Equal((code, field), (error.Code, error.Field));
    }
}
