using Modular.Modules.Development.Domain;
using Modular.Sdk;

namespace Modular.Modules.Development.Rules;

/// <summary>Figures of a branch members' meeting's vote: full members due (entitled), present, for, against, abstaining.</summary>
public sealed record VoteFigures(int? Entitled, int? Present, int? For, int? Against, int? Abstain);

/// <summary>The org-life meeting where a vote happened (a shared record), as found when the step was recorded.</summary>
public sealed record MeetingLink(string Kind, string Id, string Title, DateOnly Date);

/// <summary>What a step's form posts: the date and the step's typed fields (people are directory member ids).</summary>
public sealed record StepEntry(int Step, DateOnly? Date, IReadOnlyList<int>? Mentors = null, IReadOnlyList<int>? Sponsors = null, string? Conclusion = null,
    decimal? TrainingDays = null, decimal? TrainingHours = null, VoteFigures? Vote = null, ProbationOutcome? Outcome = null, int? ExtensionMonths = null, string? Note = null,
    MeetingLink? Meeting = null);

/// <summary>What the rules need to know from the directory.</summary>
/// <param name="PersonId">The person on the way.</param>
/// <param name="AgeOnDate">Their age on the step's date (for the application), null when the directory does not know the birth date.</param>
/// <param name="IsFullMember">Whether a member id is a full member of the agency on the roster (mentors and sponsors must be).</param>
public sealed record StepContext(int PersonId, int? AgeOnDate, Func<int, bool> IsFullMember);

/// <summary>
/// The gates that block a step (DOMAIN.md, "Developing new members"): age 18 at the application; a year as activist
/// before becoming a candidate; 1–2 mentors and exactly 2 sponsors, all full members; the political review's written
/// conclusion and training of 3 days or 24 class hours before the admission vote; quorum and majority of the votes;
/// full membership not before probation ends; one extension of 6–12 months; steps in order. Deadlines only warn
/// (<see cref="Deadlines"/>).
/// </summary>
public static class StepRules
{
    public const int MinimumAge = 18;
    public const int NoteMaxLength = 2000;
    public const int ConclusionMaxLength = 2000;
    public const decimal MinimumTrainingDays = 3;
    public const decimal MinimumTrainingHours = 24;
    public const int MinimumExtensionMonths = 6;
    public const int MaximumExtensionMonths = 12;

    public static IEnumerable<Problem> Check(CaseHistory history, StepEntry entry, StepContext context, DateOnly today)
    {
        var allowed = history.AllowedNext();
        if (!allowed.Contains(entry.Step))
        {
            yield return allowed.Count == 0
                ? new Problem("Step", "This case is closed: no step can be recorded.")
                : new Problem("Step", "Steps are recorded in order: the next step is step {0}.", string.Join(" / ", allowed));
            yield break;
        }
        if (entry.Note is { Length: > NoteMaxLength }) yield return new Problem("Note", "The note can be at most {0} characters.", NoteMaxLength);
        if (entry.Date is not { } date)
        {
            yield return new Problem("Date", "Enter the date of the step.");
            yield break;
        }
        if (date > today) yield return new Problem("Date", "The date cannot be in the future.");
        if (history.Last is { } last && date < last.Date)
            yield return new Problem("Date", "The date cannot be before the previous step's date ({0:yyyy-MM-dd}).", last.Date);
        if (entry.Meeting is { } meeting && meeting.Date != date)
            yield return new Problem("MeetingId", "The vote's date is the date of the meeting where it happened ({0:yyyy-MM-dd}).", meeting.Date);

        var problems = entry.Step switch
        {
            Steps.Application => Application(context),
            Steps.Mentors => People(entry.Mentors, "Mentors", 1, 2, context),
            Steps.CandidateDecided => CandidateDecided(history, date),
            Steps.Sponsors => People(entry.Sponsors, "Sponsors", 2, 2, context),
            Steps.PoliticalReview => PoliticalReview(entry.Conclusion),
            Steps.Training => Training(entry.TrainingDays, entry.TrainingHours),
            Steps.AdmissionVote => Admission(history).Concat(Vote(entry.Vote)),
            Steps.FullMembershipVote => FullMembership(history, entry, date).Concat(Vote(entry.Vote)),
            _ => [],
        };
        foreach (var p in problems) yield return p;
    }

    private static IEnumerable<Problem> Application(StepContext context)
    {
        if (context.AgeOnDate is not { } age)
            yield return new Problem("Date", "The person's date of birth is not in the directory: ask the Party office to record it there first.");
        else if (age < MinimumAge)
            yield return new Problem("Date", "The applicant must be at least 18 years old on the application date (age {0} then).", age);
    }

    private static IEnumerable<Problem> People(IReadOnlyList<int>? ids, string field, int min, int max, StepContext context)
    {
        var chosen = (ids ?? []).Where(id => id > 0).ToList();
        if (chosen.Count != chosen.Distinct().Count()) yield return new Problem(field, "The same person is named twice.");
        var count = chosen.Distinct().Count();
        if (count < min || count > max)
            yield return min == max ? new Problem(field, "Name exactly {0} people.", min) : new Problem(field, "Name {0} to {1} people.", min, max);
        if (chosen.Contains(context.PersonId)) yield return new Problem(field, "The person cannot be named for themselves.");
        else if (chosen.Any(id => !context.IsFullMember(id))) yield return new Problem(field, "Only full members of the agency can be named.");
    }

    /// <summary>The earliest date of step 7: one year after step 3 (the same date next year).</summary>
    public static DateOnly? EarliestCandidateDate(CaseHistory history) => history.Latest(Steps.ActivistDecided)?.Date is { } d ? MemberStages.EarliestCandidacy(d) : null;

    private static IEnumerable<Problem> CandidateDecided(CaseHistory history, DateOnly date)
    {
        if (EarliestCandidateDate(history) is { } earliest && date < earliest)
            yield return new Problem("Date", "A candidate can be decided at the earliest one year after becoming an activist, on {0:yyyy-MM-dd}.", earliest);
    }

    private static IEnumerable<Problem> PoliticalReview(string? conclusion)
    {
        if (string.IsNullOrWhiteSpace(conclusion)) yield return new Problem("Conclusion", "Enter the written conclusion of the political review.");
        else if (conclusion.Trim().Length > ConclusionMaxLength) yield return new Problem("Conclusion", "The conclusion can be at most {0} characters.", ConclusionMaxLength);
    }

    private static IEnumerable<Problem> Training(decimal? days, decimal? hours)
    {
        if (days is < 0 or > 365) yield return new Problem("TrainingDays", "Enter days between 0 and 365.");
        if (hours is < 0 or > 2000) yield return new Problem("TrainingHours", "Enter class hours between 0 and 2000.");
        if ((days ?? 0) <= 0 && (hours ?? 0) <= 0) yield return new Problem("TrainingDays", "Enter the days or the class hours of the training.");
    }

    /// <summary>Whether training so far meets the minimum: 3 days or 24 class hours.</summary>
    public static bool TrainingIsEnough(CaseHistory history) =>
        history.Training.Days >= MinimumTrainingDays || history.Training.Hours >= MinimumTrainingHours;

    private static IEnumerable<Problem> Admission(CaseHistory history)
    {
        if (history.Latest(Steps.PoliticalReview) is not { HasConclusion: true })
            yield return new Problem("", "The political review with its written conclusion (step 10) must come before admission.");
        if (!TrainingIsEnough(history))
            yield return new Problem("", "Training so far is {0} days and {1} class hours: at least 3 days or 24 class hours are needed before admission.",
                history.Training.Days, history.Training.Hours);
    }

    private static IEnumerable<Problem> FullMembership(CaseHistory history, StepEntry entry, DateOnly date)
    {
        if (history.ProbationEnds is { } end && date < end)
            yield return new Problem("Date", "Probation ends on {0:yyyy-MM-dd}: the vote on full membership cannot come before.", end);
        if (entry.Outcome is not { } outcome)
        {
            yield return new Problem("Outcome", "Choose what the meeting decided.");
            yield break;
        }
        if (outcome != ProbationOutcome.Extend) yield break;
        if (history.WasExtended) yield return new Problem("Outcome", "Probation can be extended only once.");
        else if (entry.ExtensionMonths is not (>= MinimumExtensionMonths and <= MaximumExtensionMonths))
            yield return new Problem("ExtensionMonths", "An extension is of 6 to 12 months.");
    }

    /// <summary>
    /// The vote of a branch members' meeting: more than half of the full members due present, and more than half of them
    /// (not only of those present) voting for. Probationary members do not vote, so they are not among those due.
    /// </summary>
    public static IEnumerable<Problem> Vote(VoteFigures? vote)
    {
        if (vote is not { Entitled: { } entitled, Present: { } present, For: { } yes })
        {
            if (vote?.Entitled is null) yield return new Problem("Vote.Entitled", "Enter the number of full members due.");
            if (vote?.Present is null) yield return new Problem("Vote.Present", "Enter the number present.");
            if (vote?.For is null) yield return new Problem("Vote.For", "Enter the votes for.");
            yield break;
        }
        int against = vote.Against ?? 0, abstain = vote.Abstain ?? 0;
        if (entitled <= 0) { yield return new Problem("Vote.Entitled", "Enter the number of full members due."); yield break; }
        if (present < 0 || yes < 0 || against < 0 || abstain < 0) { yield return new Problem("Vote.Present", "The figures cannot be negative."); yield break; }
        if (present > entitled) yield return new Problem("Vote.Present", "More are present than are due.");
        else if (present * 2 <= entitled)
            yield return new Problem("Vote.Present", "More than half of the {0} full members due must be present: at least {1}.", entitled, entitled / 2 + 1);
        if (yes + against + abstain > present) yield return new Problem("Vote.For", "More votes than people present.");
        else if (yes * 2 <= entitled)
            yield return new Problem("Vote.For", "More than half of the {0} full members due must vote for: at least {1}.", entitled, entitled / 2 + 1);
    }
}
