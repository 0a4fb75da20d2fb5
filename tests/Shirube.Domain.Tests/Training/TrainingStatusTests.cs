using Shirube.Domain.Accounts;
using Shirube.Domain.Training;

namespace Shirube.Domain.Tests.Training;

public class TrainingStatusTests
{
    private static readonly DateOnly Due = new(2026, 12, 31);

    public sealed record StateCase(string Name, DateOnly Today, DateOnly? CompletedOn, int? ValidityMonths, TrainingState Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<StateCase> States => new(
        new StateCase("before the due date, not done: open", new(2026, 12, 1), null, null, TrainingState.Open),
        new StateCase("on the due date, not done: still open", Due, null, null, TrainingState.Open),
        new StateCase("the day after the due date: overdue", new(2027, 1, 1), null, null, TrainingState.Overdue),
        new StateCase("done once, no validity: done for good", new(2030, 1, 1), new(2026, 12, 10), null, TrainingState.Done),
        new StateCase("done, 12 months valid, on its last day: done", new(2027, 12, 9), new(2026, 12, 10), 12, TrainingState.Done),
        new StateCase("done, 12 months valid, a year later: expired", new(2027, 12, 10), new(2026, 12, 10), 12, TrainingState.Expired),
        new StateCase("done late, after the due date: done", new(2027, 2, 1), new(2027, 1, 20), 12, TrainingState.Done));

    [Theory]
    [MemberData(nameof(States))]
    public void For_AssignmentAndCompletion_GivesOpenDoneOverdueOrExpired(StateCase c)
    {
        var now = c.Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var course = TrainingCourse.Create("PSIRT process", "PSIRT プロセス", null, "developers", 60, c.ValidityMonths, "6.2");
        var assignment = TrainingAssignment.ToRole(course.Id, Roles.PsirtAnalyst, [("u1", "hana"), ("u2", "taro")], Due, "boss", now);
        List<TrainingCompletion> completions = c.CompletedOn is { } done ? [TrainingCompletion.Record(course.Id, "u1", "hana", done, null, 90, "hana", now)] : [];

        var status = TrainingStatus.For([assignment], new Dictionary<Guid, TrainingCourse> { [course.Id] = course }, completions, c.Today);

        Assert.Equal(c.Expected, status.Single(s => s.UserId == "u1").State);
        Assert.Equal(c.Today > Due ? TrainingState.Overdue : TrainingState.Open, status.Single(s => s.UserId == "u2").State);
        Assert.Equal(c.Expected is TrainingState.Overdue or TrainingState.Expired, status.Single(s => s.UserId == "u1").NeedsAction);
    }

    [Fact]
    public void AddHolders_NewAndExistingHolders_AddsOnlyTheNewOnes()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var assignment = TrainingAssignment.ToRole(Guid.NewGuid(), Roles.PsirtManager, [("u1", "hana")], Due, "boss", now);
        Assert.Equal(1, assignment.AddHolders([("u1", "hana"), ("u3", "jiro")], now));
        Assert.Equal(["hana", "jiro"], assignment.Assignees.Select(a => a.UserName));
        var e = Assert.Throws<DomainException>(() => TrainingAssignment.ToRole(Guid.NewGuid(), "Janitor", [], Due, "boss", now));
        Assert.Equal(("Training.UnknownRole", "role"), (e.Error.Code, e.Field));
    }

    [Theory]
    [InlineData(0, null, "validityMonths", "Common.OutOfRange")]
    [InlineData(121, null, "validityMonths", "Common.OutOfRange")]
    [InlineData(12, "", "titleEn", "Common.Required")]
    public void Create_OutOfRangeOrEmpty_NamesTheField(int months, string? titleEn, string field, string code)
    {
        var e = Assert.Throws<DomainException>(() => TrainingCourse.Create(titleEn ?? "a", "あ", null, null, null, months, null));
        Assert.Equal((code, field), (e.Error.Code, e.Field));
    }

    [Fact]
    public void Record_InTheFutureOrWithAScoreAbove100_IsRefused()
    {
        var now = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var future = Assert.Throws<DomainException>(() => TrainingCompletion.Record(Guid.NewGuid(), "u1", "hana", new DateOnly(2027, 1, 2), null, null, "hana", now));
        Assert.Equal(("Common.InFuture", "completedOn"), (future.Error.Code, future.Field));
        var score = Assert.Throws<DomainException>(() => TrainingCompletion.Record(Guid.NewGuid(), "u1", "hana", new DateOnly(2027, 1, 1), null, 101, "hana", now));
        Assert.Equal(("Common.OutOfRange", "score"), (score.Error.Code, score.Field));
    }
}
