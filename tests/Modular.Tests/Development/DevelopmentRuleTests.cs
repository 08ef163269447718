using Modular.Modules.Development.Domain;
using Modular.Modules.Development.Rules;
using Modular.Sdk;

namespace Modular.Tests.Development;

/// <summary>The 25 steps' gates and deadlines at their boundaries (plain code, compiled here from the module's source).</summary>
public sealed class DevelopmentRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private const int Person = 1;
    private static readonly HashSet<int> FullMembers = [10, 11, 12];
    private static StepContext Context(int? age = 30) => new(Person, age, FullMembers.Contains);

    /// <summary>A history of steps 1..<paramref name="upTo"/>, each on <paramref name="start"/> plus the step's number in days (or the dates given).</summary>
    private static List<RecordedStep> Through(int upTo, DateOnly start, Func<int, DateOnly>? dateOf = null) =>
        Enumerable.Range(1, upTo).Select(n => new RecordedStep(n, dateOf?.Invoke(n) ?? start.AddDays(n),
            HasConclusion: n == Steps.PoliticalReview, TrainingDays: n == Steps.Training ? 3 : null)).ToList();

    private static IReadOnlyList<string> Fields(CaseHistory history, StepEntry entry, StepContext? context = null, DateOnly? today = null) =>
        StepRules.Check(history, entry, context ?? Context(), today ?? Today).Select(p => p.Field).ToList();

    private static IReadOnlyList<Problem> Problems(CaseHistory history, StepEntry entry, StepContext? context = null) =>
        StepRules.Check(history, entry, context ?? Context(), Today).ToList();

    [Fact]
    public void The_catalogue_has_25_steps_in_5_stages_of_2_4_5_7_7()
    {
        Assert.Equal(Enumerable.Range(1, 25), Steps.All.Select(s => s.Number));
        Assert.Equal([2, 4, 5, 7, 7], Steps.All.GroupBy(s => s.Stage).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(Steps.All, s => Assert.False(string.IsNullOrEmpty(s.Actor)));
    }

    [Fact]
    public void Age_counts_from_the_birthday_itself_and_29_February_has_it_on_28_February()
    {
        var birth = new DateOnly(2008, 6, 15);
        Assert.Equal(17, MemberAge.On(birth, new DateOnly(2026, 6, 14)));
        Assert.Equal(18, MemberAge.On(birth, new DateOnly(2026, 6, 15)));
        var leap = new DateOnly(2008, 2, 29);
        Assert.Equal(17, MemberAge.On(leap, new DateOnly(2026, 2, 27)));
        Assert.Equal(18, MemberAge.On(leap, new DateOnly(2026, 2, 28)));
        Assert.Equal(0, MemberAge.On(birth, new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void The_applicant_must_be_18_on_the_application_date_and_an_unknown_age_asks_for_the_birth_date()
    {
        var entry = new StepEntry(Steps.Application, Today);
        Assert.Equal(["Date"], Fields(CaseHistory.Empty, entry, Context(age: 17)));
        Assert.Empty(Fields(CaseHistory.Empty, entry, Context(age: 18)));
        var unknown = Assert.Single(Problems(CaseHistory.Empty, entry, Context(age: null)));
        Assert.Contains("date of birth", unknown.Message);
    }

    [Fact]
    public void Dates_cannot_be_in_the_future_or_before_the_previous_step()
    {
        var history = new CaseHistory(Through(1, Today.AddDays(-10)));
        Assert.Equal(["Date"], Fields(history, new StepEntry(Steps.Talk, Today.AddDays(1))));
        Assert.Equal(["Date"], Fields(history, new StepEntry(Steps.Talk, history.Last!.Date.AddDays(-1))));
        Assert.Equal(["Date"], Fields(history, new StepEntry(Steps.Talk, null)));
        Assert.Empty(Fields(history, new StepEntry(Steps.Talk, history.Last!.Date)));
    }

    [Fact]
    public void Steps_go_in_order_and_the_reviews_repeat()
    {
        Assert.Equal([1], CaseHistory.Empty.AllowedNext());
        var activist = new CaseHistory(Through(6, Today.AddYears(-2)));
        Assert.Equal([6, 7], activist.AllowedNext());
        Assert.Equal(["Step"], Fields(activist, new StepEntry(8, Today)));
        Assert.Equal(["Step"], Fields(new CaseHistory(Through(1, Today.AddDays(-5))), new StepEntry(3, Today)));
        Assert.Equal([11, 12], new CaseHistory(Through(11, Today.AddYears(-2))).AllowedNext());
        Assert.Equal([21, 22], new CaseHistory(Through(21, Today.AddYears(-2))).AllowedNext());
        Assert.Equal([5], new CaseHistory(Through(4, Today.AddYears(-2))).AllowedNext());
    }

    [Theory]
    [InlineData(364, true)]
    [InlineData(365, false)]
    public void A_candidate_is_decided_at_least_one_year_after_becoming_an_activist(int days, bool refused)
    {
        var activist = new DateOnly(2025, 3, 1);
        var history = new CaseHistory(Through(6, activist, n => n < 3 ? activist.AddDays(-10) : activist));
        var problems = Fields(history, new StepEntry(Steps.CandidateDecided, activist.AddDays(days)));
        Assert.Equal(refused, problems.Contains("Date"));
    }

    [Fact]
    public void One_year_from_29_February_is_28_February()
    {
        var activist = new DateOnly(2024, 2, 29);
        var history = new CaseHistory(Through(6, activist, n => n < 3 ? activist.AddDays(-10) : activist));
        Assert.Equal(new DateOnly(2025, 2, 28), StepRules.EarliestCandidateDate(history));
        Assert.Contains("Date", Fields(history, new StepEntry(7, new DateOnly(2025, 2, 27))));
        Assert.Empty(Fields(history, new StepEntry(7, new DateOnly(2025, 2, 28))));
    }

    [Theory]
    [InlineData(new int[0], true)]
    [InlineData(new[] { 10 }, false)]
    [InlineData(new[] { 10, 11 }, false)]
    [InlineData(new[] { 10, 11, 12 }, true)]
    [InlineData(new[] { 10, 10 }, true)]
    [InlineData(new[] { 10, Person }, true)]
    [InlineData(new[] { 10, 99 }, true)]
    public void Mentors_are_one_or_two_full_members_other_than_the_person(int[] mentors, bool refused)
    {
        var history = new CaseHistory(Through(4, Today.AddDays(-30)));
        Assert.Equal(refused, Fields(history, new StepEntry(Steps.Mentors, Today, Mentors: mentors)).Contains("Mentors"));
    }

    [Theory]
    [InlineData(new[] { 10 }, true)]
    [InlineData(new[] { 10, 11 }, false)]
    [InlineData(new[] { 10, 11, 12 }, true)]
    [InlineData(new[] { 10, 99 }, true)]
    public void Sponsors_are_exactly_two_full_members(int[] sponsors, bool refused)
    {
        var history = new CaseHistory(Through(8, Today.AddYears(-2)));
        Assert.Equal(refused, Fields(history, new StepEntry(Steps.Sponsors, Today, Sponsors: sponsors)).Contains("Sponsors"));
    }

    [Fact]
    public void The_political_review_needs_a_written_conclusion()
    {
        var history = new CaseHistory(Through(9, Today.AddYears(-2)));
        Assert.Equal(["Conclusion"], Fields(history, new StepEntry(Steps.PoliticalReview, Today, Conclusion: "  ")));
        Assert.Empty(Fields(history, new StepEntry(Steps.PoliticalReview, Today, Conclusion: "政治上合格")));
    }

    private static readonly VoteFigures GoodVote = new(10, 8, 7, 1, 0);

    private static CaseHistory ReadyForAdmission(decimal days, decimal hours, bool conclusion = true) => new(
        Through(14, Today.AddYears(-2)).Select(s => s.Step switch
        {
            Steps.Training => s with { TrainingDays = days, TrainingHours = hours },
            Steps.PoliticalReview => s with { HasConclusion = conclusion },
            _ => s,
        }).ToList());

    [Theory]
    [InlineData(2.5, 23, true)]
    [InlineData(3, 0, false)]
    [InlineData(0, 24, false)]
    [InlineData(2, 23.5, true)]
    public void Admission_needs_3_days_or_24_class_hours_of_training(double days, double hours, bool refused)
    {
        var problems = Problems(ReadyForAdmission((decimal)days, (decimal)hours), new StepEntry(Steps.AdmissionVote, Today, Vote: GoodVote));
        Assert.Equal(refused, problems.Any(p => p.Message.StartsWith("Training so far")));
    }

    [Fact]
    public void Admission_needs_the_political_reviews_conclusion_first()
    {
        var problems = Problems(ReadyForAdmission(3, 0, conclusion: false), new StepEntry(Steps.AdmissionVote, Today, Vote: GoodVote));
        Assert.Contains(problems, p => p.Message.Contains("political review"));
        Assert.Empty(Problems(ReadyForAdmission(3, 0), new StepEntry(Steps.AdmissionVote, Today, Vote: GoodVote)));
    }

    [Theory]
    [InlineData(10, 5, 5, "Vote.Present")]
    [InlineData(10, 6, 5, "Vote.For")]
    [InlineData(10, 6, 6, null)]
    [InlineData(9, 5, 5, null)]
    [InlineData(9, 4, 4, "Vote.Present")]
    [InlineData(9, 10, 5, "Vote.Present")]
    public void The_vote_needs_more_than_half_of_the_full_members_due_present_and_for(int entitled, int present, int yes, string? field)
    {
        var fields = StepRules.Vote(new VoteFigures(entitled, present, yes, 0, 0)).Select(p => p.Field).ToList();
        if (field is null) Assert.Empty(fields);
        else Assert.Contains(field, fields);
    }

    [Fact]
    public void A_vote_linked_to_a_meeting_takes_the_meetings_date()
    {
        var meeting = new MeetingLink("org-life.meeting", "7", "支部党员大会", Today.AddDays(-1));
        var entry = new StepEntry(Steps.AdmissionVote, Today, Vote: GoodVote, Meeting: meeting);
        Assert.Contains("MeetingId", Fields(ReadyForAdmission(3, 0), entry));
        Assert.Empty(Fields(ReadyForAdmission(3, 0), entry with { Date = meeting.Date }));
    }

    [Fact]
    public void More_votes_than_people_present_are_refused() =>
        Assert.Equal(["Vote.For"], StepRules.Vote(new VoteFigures(10, 6, 6, 1, 0)).Select(p => p.Field));

    private static CaseHistory OnProbation(DateOnly voted, params RecordedStep[] more)
    {
        var steps = Through(22, voted, n => n < Steps.AdmissionVote ? voted.AddDays(-20) : voted);
        steps.AddRange(more);
        return new CaseHistory(steps);
    }

    [Theory]
    [InlineData(364, true)]
    [InlineData(365, false)]
    public void Full_membership_is_voted_at_the_earliest_one_year_after_admission(int days, bool refused)
    {
        var voted = new DateOnly(2025, 3, 1);
        var entry = new StepEntry(Steps.FullMembershipVote, voted.AddDays(days), Vote: GoodVote, Outcome: ProbationOutcome.FullMembership);
        Assert.Equal(refused, Fields(OnProbation(voted), entry).Contains("Date"));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(12, false)]
    [InlineData(13, true)]
    public void Probation_is_extended_by_6_to_12_months(int months, bool refused)
    {
        var voted = new DateOnly(2025, 3, 1);
        var entry = new StepEntry(Steps.FullMembershipVote, voted.AddYears(1), Vote: GoodVote, Outcome: ProbationOutcome.Extend, ExtensionMonths: months);
        Assert.Equal(refused, Fields(OnProbation(voted), entry).Contains("ExtensionMonths"));
    }

    [Fact]
    public void An_extension_goes_back_to_step_21_once_and_moves_the_end_of_probation()
    {
        var voted = new DateOnly(2025, 3, 1);
        var history = OnProbation(voted, new RecordedStep(Steps.FullMembershipVote, voted.AddYears(1), Outcome: ProbationOutcome.Extend, ExtensionMonths: 6));
        Assert.Equal([Steps.ProbationEducation], history.AllowedNext());
        Assert.Equal(new DateOnly(2026, 9, 1), history.ProbationEnds);
        var again = new CaseHistory([.. history.Steps, new RecordedStep(21, new DateOnly(2026, 5, 1)), new RecordedStep(22, new DateOnly(2026, 9, 1))]);
        var second = new StepEntry(Steps.FullMembershipVote, new DateOnly(2026, 9, 1), Vote: GoodVote, Outcome: ProbationOutcome.Extend, ExtensionMonths: 6);
        Assert.Equal(["Outcome"], Fields(again, second));
        Assert.Contains("Date", Fields(again, second with { Date = new DateOnly(2026, 8, 31), Outcome = ProbationOutcome.FullMembership }));
        Assert.Empty(Fields(again, second with { Outcome = ProbationOutcome.FullMembership }));
    }

    [Fact]
    public void Cancellation_ends_the_case_and_filing_completes_it()
    {
        var voted = new DateOnly(2025, 3, 1);
        var cancelled = OnProbation(voted, new RecordedStep(Steps.FullMembershipVote, voted.AddYears(1), Outcome: ProbationOutcome.Cancel));
        Assert.Equal(CaseStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.AllowedNext());
        Assert.Equal(["Step"], Fields(cancelled, new StepEntry(Steps.ProbationEducation, Today)));
        Assert.Null(Deadlines.Next(cancelled));
        var filed = new CaseHistory(Through(25, new DateOnly(2024, 1, 1)));
        Assert.Equal(CaseStatus.Completed, filed.Status);
    }

    [Fact]
    public void The_talk_is_due_within_one_month_of_the_application()
    {
        var applied = new DateOnly(2026, 1, 31);
        var deadline = Deadlines.Of(new CaseHistory([new RecordedStep(1, applied)]))!;
        Assert.Equal((Steps.Talk, new DateOnly(2026, 2, 28)), (deadline.Step, deadline.Due));
        Assert.Equal(DueState.Soon, deadline.StateOn(new DateOnly(2026, 2, 28)));
        Assert.Equal(DueState.Overdue, deadline.StateOn(new DateOnly(2026, 3, 1)));
        Assert.Equal(DueState.Later, deadline.StateOn(new DateOnly(2026, 1, 28)));
    }

    [Fact]
    public void The_activist_is_reviewed_every_six_months_from_the_last_review()
    {
        var decided = new DateOnly(2026, 1, 10);
        var steps = Through(5, decided, n => decided);
        Assert.Equal(new Deadline(Steps.ActivistReview, new DateOnly(2026, 7, 10)), Deadlines.Of(new CaseHistory(steps)));
        steps.Add(new RecordedStep(Steps.ActivistReview, new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateOnly(2027, 1, 1), Deadlines.Of(new CaseHistory(steps))!.Due);
    }

    [Fact]
    public void Approval_is_due_three_months_to_the_day_after_the_vote_and_late_after_six()
    {
        var voted = new DateOnly(2026, 1, 15);
        var history = new CaseHistory(Through(16, voted, n => voted));
        var deadline = Deadlines.Of(history)!;
        Assert.Equal(new Deadline(Steps.AdmissionApproval, new DateOnly(2026, 4, 15), new DateOnly(2026, 7, 15)), deadline);
        Assert.Equal(DueState.Soon, deadline.StateOn(new DateOnly(2026, 4, 15)));
        Assert.Equal(DueState.Overdue, deadline.StateOn(new DateOnly(2026, 4, 16)));
        Assert.Equal(DueState.Overdue, deadline.StateOn(new DateOnly(2026, 7, 15)));
        Assert.Equal(DueState.Late, deadline.StateOn(new DateOnly(2026, 7, 16)));
    }

    [Fact]
    public void The_request_for_full_membership_is_due_when_probation_ends_and_approval_three_months_after_the_vote()
    {
        var voted = new DateOnly(2025, 6, 1);
        var probation = new CaseHistory(Through(21, voted, n => voted));
        Assert.Equal(new Deadline(Steps.FullMembershipRequest, new DateOnly(2026, 6, 1)), Deadlines.Of(probation));
        Assert.Equal(new NextStep(Steps.FullMembershipRequest, voted, new DateOnly(2026, 6, 1)), Deadlines.Next(probation));
        var onTime = OnProbation(voted, new RecordedStep(Steps.FullMembershipVote, new DateOnly(2026, 6, 1), Outcome: ProbationOutcome.FullMembership));
        Assert.Equal(new Deadline(Steps.FullMembershipApproval, new DateOnly(2026, 9, 1)), Deadlines.Of(onTime));
    }

    [Fact]
    public void The_next_step_tells_its_earliest_date()
    {
        var decided = new DateOnly(2025, 12, 1);
        var next = Deadlines.Next(new CaseHistory(Through(6, decided, n => decided)))!;
        Assert.Equal(new NextStep(Steps.CandidateDecided, new DateOnly(2026, 12, 1), null), next);
    }
}
