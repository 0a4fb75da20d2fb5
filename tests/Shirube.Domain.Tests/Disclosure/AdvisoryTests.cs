using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Domain.Tests.Disclosure;

public class AdvisoryTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static readonly AdvisoryContent Written = new()
    {
        TitleJa = "ルーターの脆弱性", TitleEn = "Router vulnerability", SummaryJa = "概要です。", SummaryEn = "A summary.",
    };

    private static Advisory Draft() => Advisory.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), "SHIRUBE-SA-2026-0001", Written, "hana", Now);

    private static Advisory Approved()
    {
        var advisory = Draft();
        advisory.Submit("hana");
        advisory.Approve("ken", Now);
        return advisory;
    }

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Error.Code;

    [Fact]
    public void Draft_New_StartsWithTheInitialReleaseSummaryInBothLanguages()
    {
        var advisory = Draft();

        Assert.Equal((AdvisoryStatus.Draft, "初版", "Initial release", 1, "hana"),
            (advisory.Status, advisory.RevisionSummaryJa, advisory.RevisionSummaryEn, advisory.NextRevision, advisory.LastEditedBy));
    }

    [Theory]
    [InlineData("hana")]
    [InlineData("HANA")]
    public void Approve_ByTheLastEditor_IsRefused(string approver)
    {
        var advisory = Draft();
        advisory.Submit("hana");

        Assert.Equal("Advisories.SameReviewer", CodeOf(() => advisory.Approve(approver, Now)));
        Assert.Equal(AdvisoryStatus.InReview, advisory.Status);
    }

    [Fact]
    public void Approve_AfterTheReviewerEditedIt_IsRefusedToTheReviewerAndLeftToTheFirstEditor()
    {
        var advisory = Draft();
        advisory.Submit("hana");
        advisory.Edit(advisory.Content with { DetailsEn = "More." }, "ken", Now);
        advisory.Submit("ken");

        Assert.Equal("Advisories.SameReviewer", CodeOf(() => advisory.Approve("ken", Now)));
        advisory.Approve("hana", Now);
        Assert.Equal(AdvisoryStatus.Approved, advisory.Status);
    }

    [Fact]
    public void Edit_ApprovedAdvisory_GoesBackToDraftAndForgetsTheApproval()
    {
        var advisory = Approved();

        advisory.Edit(advisory.Content with { Tlp = TlpLabel.Green }, "hana", Now);

        Assert.Equal((AdvisoryStatus.Draft, null, TlpLabel.Green), (advisory.Status, advisory.ApprovedBy, advisory.Tlp));
    }

    public static TheoryData<string, Func<Advisory>, Action<Advisory>> WrongStatusRows() => new()
    {
        { "approving a draft", Draft, a => a.Approve("ken", Now) },
        { "publishing a draft", Draft, a => a.Publish(AdvisoryRelease.Final, null, "ken", Now, "{}", "{}") },
        { "submitting an approved advisory", Approved, a => a.Submit("hana") },
        { "sending back an approved advisory", Approved, a => a.SendBack() },
    };

    [Theory]
    [MemberData(nameof(WrongStatusRows))]
    public void Step_InTheWrongStatus_IsRefused(string step, Func<Advisory> arrange, Action<Advisory> act)
    {
        var advisory = arrange();

        Assert.True(CodeOf(() => act(advisory)) == "Advisories.WrongStatus", step);
    }

    [Fact]
    public void Submit_WithoutTheEnglishSummary_IsRefusedNamingIt()
    {
        var advisory = Advisory.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), "X-2026-0001", Written with { SummaryEn = " " }, "hana", Now);

        var error = Assert.Throws<DomainException>(() => advisory.Submit("hana")).Error;

        Assert.Equal(("Advisories.Incomplete", "summary"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    public void Publish_WithTheEmbargoDaysAway_IsAllowedOnlyFromItsDay(int daysAway, bool allowed)
    {
        var advisory = Approved();
        var embargo = DateOnly.FromDateTime(Now).AddDays(daysAway);

        if (allowed)
            Assert.Equal(1, advisory.Publish(AdvisoryRelease.Final, embargo, "ken", Now, "{}", "{}").Number);
        else
            Assert.Equal("Advisories.Embargoed", CodeOf(() => advisory.Publish(AdvisoryRelease.Final, embargo, "ken", Now, "{}", "{}")));
    }

    [Fact]
    public void Edit_PublishedAdvisory_StartsTheNextRevisionWhoseSummaryMustBeWrittenAnew()
    {
        var advisory = Approved();
        advisory.Publish(AdvisoryRelease.Interim, null, "ken", Now, "{\"ja\":1}", "{\"en\":1}");

        advisory.Edit(advisory.Content with { DetailsJa = "追記" }, "hana", Now.AddDays(1));

        Assert.Equal((AdvisoryStatus.Draft, 2, (string?)null), (advisory.Status, advisory.NextRevision, advisory.RevisionSummaryEn));
        Assert.Equal("Advisories.Incomplete", CodeOf(() => advisory.Submit("hana")));
        var first = Assert.Single(advisory.Revisions);
        Assert.Equal((1, AdvisoryRelease.Interim, "{\"ja\":1}", "ken"), (first.Number, first.Release, first.Csaf("ja"), first.ApprovedBy));
    }

    [Theory]
    [InlineData("SHIRUBE-SA", 2026, 7, "SHIRUBE-SA-2026-0007")]
    [InlineData("acme", 2027, 1234, "ACME-2027-1234")]
    [InlineData("EX-PSIRT", 2026, 12345, "EX-PSIRT-2026-12345")]
    public void Format_PrefixYearAndSequence_GivesTheTrackingId(string prefix, int year, int sequence, string expected) =>
        Assert.Equal(expected, TrackingId.Format(prefix, year, sequence));

    [Theory]
    [InlineData("-SA")]
    [InlineData("S")]
    [InlineData("SA/1")]
    [InlineData("SA-")]
    public void Format_BadPrefix_IsRefused(string prefix) =>
        Assert.Equal("Advisories.NotAPrefix", CodeOf(() => TrackingId.Format(prefix, 2026, 1)));

    [Theory]
    [InlineData("SHIRUBE-SA-2026-0001", "shirube-sa-2026-0001.json")]
    [InlineData("Example SA:1", "example_sa_1.json")]
    public void FileName_TrackingId_IsTheCsafFileName(string id, string expected) => Assert.Equal(expected, AdvisoryComposer.FileName(id));
}
