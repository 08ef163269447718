using Modular.Modules.Development.Domain;

namespace Modular.Modules.Development.Rules;

/// <summary>How a deadline stands on a day.</summary>
public enum DueState
{
    /// <summary>More than <see cref="Deadlines.SoonDays"/> days to go.</summary>
    Later = 0,
    /// <summary>Due within <see cref="Deadlines.SoonDays"/> days: shown in the to-do centre.</summary>
    Soon = 1,
    /// <summary>Past the due date.</summary>
    Overdue = 2,
    /// <summary>Past even the outer limit (approval after 6 months).</summary>
    Late = 3,
}

/// <summary>A step that is due: by <paramref name="Due"/>, and at the latest by <paramref name="Limit"/> where the rules allow a longer time.</summary>
/// <param name="Step">The step to record.</param>
/// <param name="Due">Its due date.</param>
/// <param name="Limit">The outer limit, if any (approval: 6 months).</param>
public sealed record Deadline(int Step, DateOnly Due, DateOnly? Limit = null)
{
    public DueState StateOn(DateOnly today) =>
        Limit is { } limit && today > limit ? DueState.Late
        : today > Due ? DueState.Overdue
        : today.AddDays(Deadlines.SoonDays) >= Due ? DueState.Soon
        : DueState.Later;
}

/// <summary>The next step of a case with the earliest and latest dates the rules give it.</summary>
public sealed record NextStep(int Step, DateOnly? Earliest, DateOnly? Latest);

/// <summary>
/// The deadlines that warn and never block (DOMAIN.md): the talk within 1 month of the application; the activist's
/// review every 6 months; the approval within 3 months of the admission vote (6 at most); the request for full
/// membership when probation ends; the approval within 3 months of the vote on full membership.
/// </summary>
public static class Deadlines
{
    /// <summary>Days before a due date from which it counts as soon (and goes to the to-do centre).</summary>
    public const int SoonDays = 30;

    /// <summary>The deadline the case is under now, if any (at most one: the steps go in order).</summary>
    public static Deadline? Of(CaseHistory history)
    {
        if (history.Status != CaseStatus.Open || history.Last is not { } last) return null;
        if (last.Step == Steps.Application) return new(Steps.Talk, last.Date.AddMonths(1));
        if (last.Step is >= Steps.ActivistDecided and < Steps.CandidateDecided)
        {
            // Reviewed every half year from the decision, until the candidate is decided.
            var since = history.Steps.Where(s => s.Step is Steps.ActivistDecided or Steps.ActivistReview).Max(s => s.Date);
            return new(Steps.ActivistReview, since.AddMonths(6));
        }
        if (last.Step is >= Steps.AdmissionVote and < Steps.AdmissionApproval && history.AdmittedOn is { } voted)
            return new(Steps.AdmissionApproval, voted.AddMonths(3), voted.AddMonths(6));
        if (last.Step is >= Steps.AdmissionApproval and < Steps.FullMembershipVote && !history.HasSinceExtension(Steps.FullMembershipRequest)
            && history.ProbationEnds is { } ends)
            return new(Steps.FullMembershipRequest, ends);
        if (last is { Step: Steps.FullMembershipVote, Outcome: ProbationOutcome.FullMembership })
            return new(Steps.FullMembershipApproval, last.Date.AddMonths(3));
        return null;
    }

    /// <summary>The first step that may be recorded next, with its earliest and latest date; null when the case is closed.</summary>
    public static NextStep? Next(CaseHistory history)
    {
        var allowed = history.AllowedNext();
        if (allowed.Count == 0) return null;
        // A repeatable step comes first in the list; the step after it is what the case waits for (its own deadline,
        // such as the activist's half-yearly review, is shown as a deadline).
        var step = allowed[^1];
        DateOnly? earliest = step switch
        {
            Steps.CandidateDecided => StepRules.EarliestCandidateDate(history),
            Steps.FullMembershipVote => history.ProbationEnds,
            _ => history.Last?.Date,
        };
        var deadline = Of(history);
        var latest = deadline?.Step == step ? deadline.Due : (DateOnly?)null;
        return new NextStep(step, earliest, latest);
    }
}
