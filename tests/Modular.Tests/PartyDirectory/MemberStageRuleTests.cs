using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Tests.PartyDirectory;

/// <summary>Stages, situations and the dates of the way in, at their boundaries.</summary>
public sealed class MemberStageRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static List<string> FieldsOf(StageDates dates) => MemberStages.Check(dates, Today).Select(p => p.Field).ToList();

    [Theory]
    [InlineData("2026-03-09", false)] // 364 days after joining
    [InlineData("2026-03-10", true)]  // the same date a year on: 365 days
    [InlineData("2027-03-10", true)]  // two years, with the extension
    [InlineData("2027-03-11", false)] // a day more
    public void Probation_lasts_one_to_two_years(string full, bool accepted)
    {
        var joined = new DateOnly(2025, 3, 10);
        var problems = MemberStages.Check(new StageDates(MemberStage.FullMember, JoinedDate: joined, FullMemberDate: DateOnly.Parse(full)), new DateOnly(2027, 6, 1)).ToList();
        Assert.Equal(accepted, problems.All(p => p.Field != "FullMemberDate"));
        Assert.Equal(364, DateOnly.Parse("2026-03-09").DayNumber - joined.DayNumber);
    }

    [Fact]
    public void Full_membership_a_day_after_joining_is_refused_with_the_earliest_date()
    {
        var problem = Assert.Single(MemberStages.Check(new StageDates(MemberStage.FullMember, JoinedDate: new(2026, 1, 5), FullMemberDate: new(2026, 1, 6)), Today));
        Assert.Equal("FullMemberDate", problem.Field);
        Assert.Equal(new DateOnly(2027, 1, 5), Assert.Single(problem.Args));
    }

    [Fact]
    public void A_year_from_the_29th_of_February_ends_on_the_28th()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), MemberStages.EarliestFullMembership(new DateOnly(2024, 2, 29)));
        Assert.Empty(FieldsOf(new StageDates(MemberStage.FullMember, JoinedDate: new(2024, 2, 29), FullMemberDate: new(2025, 2, 28))));
        Assert.Contains("FullMemberDate", FieldsOf(new StageDates(MemberStage.FullMember, JoinedDate: new(2024, 2, 29), FullMemberDate: new(2025, 2, 27))));
    }

    [Theory]
    [InlineData("2026-01-14", false)]
    [InlineData("2026-01-15", true)]
    public void A_candidate_has_been_an_activist_for_a_year(string candidate, bool accepted) =>
        Assert.Equal(accepted, !FieldsOf(new StageDates(MemberStage.DevelopmentCandidate, ApplicationDate: new(2024, 12, 1), ActivistDate: new(2025, 1, 15),
            CandidateDate: DateOnly.Parse(candidate))).Contains("CandidateDate"));

    [Theory]
    [InlineData("2026-04-30", false)] // the day before the 18th birthday
    [InlineData("2026-05-01", true)]  // the birthday
    public void An_applicant_is_at_least_18(string applied, bool accepted) =>
        Assert.Equal(accepted, !FieldsOf(new StageDates(MemberStage.Applicant, new DateOnly(2008, 5, 1), ApplicationDate: DateOnly.Parse(applied))).Contains("ApplicationDate"));

    [Fact]
    public void Dates_belong_to_their_stage_and_come_in_order()
    {
        Assert.Equal(["JoinedDate"], FieldsOf(new StageDates(MemberStage.DevelopmentCandidate, JoinedDate: new(2026, 1, 1))));
        Assert.Equal(["FullMemberDate"], FieldsOf(new StageDates(MemberStage.ProbationaryMember, JoinedDate: new(2024, 1, 1), FullMemberDate: new(2025, 1, 1))));
        Assert.Equal(["ActivistDate"], FieldsOf(new StageDates(MemberStage.Activist, ApplicationDate: new(2026, 3, 1), ActivistDate: new(2026, 2, 1))));
        Assert.Equal(["JoinedDate"], FieldsOf(new StageDates(MemberStage.ProbationaryMember, ActivistDate: new(2024, 1, 1), CandidateDate: new(2025, 6, 1), JoinedDate: new(2025, 5, 1))));
        Assert.Equal(["CandidateDate"], FieldsOf(new StageDates(MemberStage.DevelopmentCandidate, CandidateDate: Today.AddDays(1))));
        // Older records without the earlier dates pass.
        Assert.Empty(FieldsOf(new StageDates(MemberStage.FullMember, JoinedDate: new(1998, 7, 1))));
    }

    [Theory]
    [InlineData(MemberStage.Applicant, MemberStage.Activist, true)]
    [InlineData(MemberStage.Applicant, MemberStage.DevelopmentCandidate, false)]
    [InlineData(MemberStage.DevelopmentCandidate, MemberStage.ProbationaryMember, true)]
    [InlineData(MemberStage.ProbationaryMember, MemberStage.FullMember, true)]
    [InlineData(MemberStage.DevelopmentCandidate, MemberStage.Applicant, true)]
    [InlineData(MemberStage.ProbationaryMember, MemberStage.DevelopmentCandidate, false)]
    [InlineData(MemberStage.FullMember, MemberStage.ProbationaryMember, false)]
    [InlineData(MemberStage.FullMember, MemberStage.FullMember, false)]
    public void Stages_move_forward_one_at_a_time_and_back_only_before_admission(MemberStage from, MemberStage to, bool allowed) =>
        Assert.Equal(allowed, MemberStages.CanMove(from, to));

    [Theory]
    [InlineData(MemberStage.FullMember, MemberSituation.Normal, true, true)]
    [InlineData(MemberStage.FullMember, MemberSituation.Mobile, true, true)]
    [InlineData(MemberStage.FullMember, MemberSituation.LostContact, true, true)]
    [InlineData(MemberStage.FullMember, MemberSituation.Abroad, true, true)]
    [InlineData(MemberStage.ProbationaryMember, MemberSituation.Mobile, true, false)]
    [InlineData(MemberStage.FullMember, MemberSituation.TransferredOut, false, false)]
    [InlineData(MemberStage.FullMember, MemberSituation.MembershipSuspended, false, false)]
    [InlineData(MemberStage.FullMember, MemberSituation.Left, false, false)]
    [InlineData(MemberStage.FullMember, MemberSituation.Deceased, false, false)]
    [InlineData(MemberStage.DevelopmentCandidate, MemberSituation.Normal, false, false)]
    public void Away_members_take_part_and_full_ones_vote(MemberStage stage, MemberSituation situation, bool partyMember, bool votes)
    {
        var m = new MemberInfo(1, "甲", Gender.Unknown, stage, situation, 1, null, null, null, false, null, null);
        Assert.Equal(partyMember, m.IsPartyMember);
        Assert.Equal(votes, m.CanVote);
        Assert.Equal(partyMember, MemberQuery.PartyMembers.Wants(m));
        Assert.Equal(votes, MemberQuery.Voters.Wants(m));
        var member = new Member { Stage = stage, Situation = situation };
        Assert.Equal(partyMember, MemberRules.IsPartyMember.Compile()(member));
        Assert.Equal(votes, MemberRules.IsVoter.Compile()(member));
    }

    [Fact]
    public void The_old_status_reads_as_stage_and_situation()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal((MemberStage.Activist, MemberSituation.Normal), LegacyMemberStatus.Map(1, null, null, today));
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.Normal), LegacyMemberStatus.Map(3, new(2026, 5, 1), null, today));
        // Mobile and lost contact were full members unless the dates say probationary: joined within two years, not yet full.
        Assert.Equal((MemberStage.FullMember, MemberSituation.Mobile), LegacyMemberStatus.Map(6, new(2010, 7, 1), new(2011, 7, 1), today));
        Assert.Equal((MemberStage.FullMember, MemberSituation.Mobile), LegacyMemberStatus.Map(6, null, null, today));
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.Mobile), LegacyMemberStatus.Map(6, new(2026, 1, 10), null, today));
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.LostContact), LegacyMemberStatus.Map(7, new(2024, 11, 24), null, today));
        Assert.Equal((MemberStage.FullMember, MemberSituation.LostContact), LegacyMemberStatus.Map(7, new(2024, 11, 23), null, today));
        Assert.Equal((MemberStage.FullMember, MemberSituation.TransferredOut), LegacyMemberStatus.Map(5, new(2010, 7, 1), new(2011, 7, 1), today));
        Assert.Equal((MemberStage.FullMember, MemberSituation.Deceased), LegacyMemberStatus.Map(8, null, null, today));
        Assert.Throws<ArgumentOutOfRangeException>(() => LegacyMemberStatus.Map(9, null, null, today));
    }

#pragma warning disable CS0618 // the 1.3 status is what is tested here
    [Theory]
    [InlineData(MemberStage.FullMember, MemberSituation.Normal, MemberStatus.FullMember)]
    [InlineData(MemberStage.ProbationaryMember, MemberSituation.Mobile, MemberStatus.Mobile)]
    [InlineData(MemberStage.FullMember, MemberSituation.LostContact, MemberStatus.LostContact)]
    [InlineData(MemberStage.FullMember, MemberSituation.Left, MemberStatus.TransferredOut)]
    [InlineData(MemberStage.FullMember, MemberSituation.Deceased, MemberStatus.Deceased)]
    public void Plugins_built_on_the_old_SDK_still_read_a_status(MemberStage stage, MemberSituation situation, MemberStatus status) =>
        Assert.Equal(status, new MemberInfo(1, "甲", Gender.Unknown, stage, situation, 1, null, null, null, false, null, null).Status);
#pragma warning restore CS0618
}
