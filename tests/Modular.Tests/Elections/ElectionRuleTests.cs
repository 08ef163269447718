using Modular.Modules.Elections.Domain;
using Modular.Modules.Elections.Rules;
using Modular.Sdk;

namespace Modular.Tests.Elections;

/// <summary>The election rules at their boundaries: 4/5 attendance exactly refused, one more accepted; half the votes not elected, one more elected; a term one year longer allowed, a day more refused.</summary>
public sealed class ElectionRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly ElectionFacts Branch = new(OrganizationKind.Branch, 3, Today.AddDays(-20));

    private static MeetingCount Count(int entitled, int present, params (int Member, int For, CommitteePost? Post)[] candidates) =>
        new(Today.AddDays(-1), entitled, present, candidates.Select(c => new CandidateCount(c.Member, c.For, c.Post)).ToList());

    [Theory]
    [InlineData(10, 8, false)]
    [InlineData(10, 9, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(7, 6, true)]
    [InlineData(0, 0, false)]
    public void Attendance_must_exceed_four_fifths_of_those_entitled(int entitled, int present, bool valid) =>
        Assert.Equal(valid, ElectionRules.IsQuorate(entitled, present));

    [Theory]
    [InlineData(10, 5, false)]
    [InlineData(10, 6, true)]
    [InlineData(9, 4, false)]
    [InlineData(9, 5, true)]
    public void A_candidate_needs_votes_from_more_than_half_of_those_entitled(int entitled, int votes, bool elected) =>
        Assert.Equal(elected, ElectionRules.IsElected(entitled, votes));

    [Fact]
    public void A_count_with_exactly_four_fifths_present_is_refused_and_names_the_threshold()
    {
        var result = ElectionRules.Count(Count(10, 8, (1, 8, CommitteePost.Secretary)), Branch, Today);
        Assert.False(result.Valid);
        var p = Assert.Single(result.Problems);
        Assert.Equal("Present", p.Field);
        Assert.Equal(8m, p.Args[2]);
        Assert.Empty(result.Elected);
    }

    [Fact]
    public void A_count_with_one_more_than_four_fifths_elects_those_with_more_than_half_of_those_entitled()
    {
        var result = ElectionRules.Count(Count(10, 9, (1, 9, CommitteePost.Secretary), (2, 6, CommitteePost.DeputySecretary), (3, 5, null)), Branch, Today);
        Assert.True(result.Valid, string.Join(" ", result.Problems.Select(p => p.Message)));
        Assert.Equal([1, 2], result.Elected);
    }

    [Fact]
    public void Half_the_votes_exactly_is_not_elected_so_a_post_for_that_candidate_is_refused()
    {
        var result = ElectionRules.Count(Count(10, 10, (1, 9, CommitteePost.Secretary), (3, 5, CommitteePost.DeputySecretary)), Branch, Today);
        Assert.Contains(result.Problems, p => p.Field == "Posts[3]");
    }

    [Fact]
    public void More_elected_than_seats_is_refused_and_explained()
    {
        var result = ElectionRules.Count(Count(10, 10, (1, 9, CommitteePost.Secretary), (2, 8, CommitteePost.DeputySecretary), (3, 7, CommitteePost.OrganizationCommissioner),
            (4, 6, CommitteePost.CommitteeMember)), Branch, Today);
        var p = Assert.Single(result.Problems);
        Assert.Equal("Candidates", p.Field);
        Assert.Equal([4, 3], p.Args);
    }

    [Fact]
    public void The_new_committee_has_one_secretary_and_votes_cannot_exceed_those_present()
    {
        Assert.Contains(ElectionRules.Count(Count(10, 9, (1, 9, CommitteePost.DeputySecretary)), Branch, Today).Problems, p => p.Field == "Posts");
        Assert.Contains(ElectionRules.Count(Count(10, 9, (1, 10, CommitteePost.Secretary)), Branch, Today).Problems, p => p.Field == "Votes[1]");
    }

    [Fact]
    public void The_meeting_comes_after_the_higher_committees_approval()
    {
        Assert.Contains(ElectionRules.Count(Count(10, 9, (1, 9, CommitteePost.Secretary)), Branch with { ApprovedOn = null }, Today).Problems, p => p.Field == "Date");
        Assert.Contains(ElectionRules.Count(Count(10, 9, (1, 9, CommitteePost.Secretary)), Branch with { ApprovedOn = Today }, Today).Problems, p => p.Field == "Date");
    }

    [Fact]
    public void Seats_follow_the_full_members_a_committee_from_seven()
    {
        Assert.Equal((1, 2), ElectionRules.Seats(OrganizationKind.Branch, 6));
        Assert.Equal((3, 7), ElectionRules.Seats(OrganizationKind.Branch, 7));
        Assert.Empty(ElectionRules.Plan(OrganizationKind.Branch, 7, 7, Today, alreadyOpen: false));
        Assert.Contains(ElectionRules.Plan(OrganizationKind.Branch, 7, 8, Today, alreadyOpen: false), p => p.Field == "Seats");
        Assert.Contains(ElectionRules.Plan(OrganizationKind.Branch, 6, 3, Today, alreadyOpen: false), p => p.Field == "Seats");
        Assert.Contains(ElectionRules.Plan(OrganizationKind.PartyGroup, 6, 1, Today, alreadyOpen: false), p => p.Field == "OrganizationId");
        Assert.Contains(ElectionRules.Plan(OrganizationKind.Branch, 6, 1, Today, alreadyOpen: true), p => p.Field == "OrganizationId");
    }

    [Fact]
    public void A_term_may_be_lengthened_by_one_year_not_a_day_more()
    {
        var start = new DateOnly(2024, 3, 1);
        Assert.Empty(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2028, 3, 1), Today, "机关党委批复", Today));
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2028, 3, 2), Today, "机关党委批复", Today), p => p.Field == "NewEnd");
        Assert.Empty(ElectionRules.TermAdjustment(OrganizationKind.AgencyCommittee, start, new DateOnly(2030, 3, 1), Today, "市直机关工委批复", Today));
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.AgencyCommittee, start, new DateOnly(2030, 3, 2), Today, "市直机关工委批复", Today), p => p.Field == "NewEnd");
    }

    [Fact]
    public void A_term_may_be_shortened_by_one_year_not_a_day_more_and_only_with_a_named_approval()
    {
        var start = new DateOnly(2024, 3, 1);
        Assert.Empty(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2026, 3, 1), Today, "批复", Today));
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2026, 2, 28), Today, "批复", Today), p => p.Field == "NewEnd");
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2027, 3, 1), Today, " ", Today), p => p.Field == "Approval");
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.Branch, start, new DateOnly(2027, 3, 1), Today.AddDays(1), "批复", Today), p => p.Field == "ApprovedOn");
        Assert.Contains(ElectionRules.TermAdjustment(OrganizationKind.Branch, null, new DateOnly(2027, 3, 1), Today, "批复", Today), p => p.Field == "NewEnd");
    }

    [Fact]
    public void Deadlines_follow_the_steps_and_the_term_reminder_its_window()
    {
        var planned = new DateOnly(2027, 1, 15);
        var open = new ElectionDates(ElectionStatus.Open, planned, null, null, null);
        Assert.Equal(new ElectionDue(ElectionStage.Request, planned.AddDays(-30)), ElectionDeadlines.Of(open));
        Assert.Equal(new ElectionDue(ElectionStage.Reply, Today.AddDays(30)), ElectionDeadlines.Of(open with { RequestedOn = Today }));
        Assert.Equal(ElectionStage.NotApproved, ElectionDeadlines.Stage(open with { RequestedOn = Today, RepliedOn = Today, Approved = false }));
        Assert.Equal(new ElectionDue(ElectionStage.Meeting, planned), ElectionDeadlines.Of(open with { RequestedOn = Today, RepliedOn = Today, Approved = true }));
        Assert.Null(ElectionDeadlines.Of(open with { Status = ElectionStatus.Completed }));
        Assert.Equal(TermState.Overdue, ElectionDeadlines.Term(Today.AddDays(-1), Today));
        Assert.Equal(TermState.Due, ElectionDeadlines.Term(Today.AddMonths(6), Today));
        Assert.Equal(TermState.Current, ElectionDeadlines.Term(Today.AddMonths(6).AddDays(1), Today));
    }
}
