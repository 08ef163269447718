using Modular.Sdk;
using Modular.Modules.Development.Domain;

namespace Modular.Modules.Development.Rules;

/// <summary>One step as recorded: what the rules need of it.</summary>
/// <param name="Step">1–25.</param>
/// <param name="Date">When it happened.</param>
/// <param name="HasConclusion">For step 10: a written conclusion was recorded.</param>
/// <param name="TrainingDays">For step 11: days of training.</param>
/// <param name="TrainingHours">For step 11: class hours.</param>
/// <param name="Outcome">For step 23: what the meeting decided.</param>
/// <param name="ExtensionMonths">For step 23 with <see cref="ProbationOutcome.Extend"/>: by how many months.</param>
public sealed record RecordedStep(int Step, DateOnly Date, bool HasConclusion = false, decimal? TrainingDays = null, decimal? TrainingHours = null,
    ProbationOutcome? Outcome = null, int? ExtensionMonths = null);

/// <summary>
/// A case's steps in the order they were recorded (step 21 comes again after an extension) and what follows from them:
/// the stage, the next steps allowed, the dates of probation. Dates of "1 year" are the same date next year (29 February
/// → 28 February); months are calendar months to the day (31 January + 1 month = 28 or 29 February).
/// </summary>
public sealed class CaseHistory(IReadOnlyList<RecordedStep> steps)
{
    public IReadOnlyList<RecordedStep> Steps { get; } = steps;

    public static readonly CaseHistory Empty = new([]);

    public RecordedStep? Last => Steps.Count > 0 ? Steps[^1] : null;

    /// <summary>The latest recording of <paramref name="step"/>, if any.</summary>
    public RecordedStep? Latest(int step) => Steps.LastOrDefault(s => s.Step == step);

    /// <summary>Whether <paramref name="step"/> was recorded at least once.</summary>
    public bool Has(int step) => Steps.Any(s => s.Step == step);

    public CaseStatus Status => Last switch
    {
        { Step: Domain.Steps.FullMembershipVote, Outcome: ProbationOutcome.Cancel } => CaseStatus.Cancelled,
        { Step: Domain.Steps.Filed } => CaseStatus.Completed,
        _ => CaseStatus.Open,
    };

    /// <summary>The stage of the last step (the application stage before any).</summary>
    public Stage Stage => Last is { } l ? Domain.Steps.Get(l.Step).Stage : Stage.Application;

    /// <summary>The steps that may be recorded next: the one after the last, the last again where it repeats, step 21 after an extension.</summary>
    public IReadOnlyList<int> AllowedNext()
    {
        if (Status != CaseStatus.Open) return [];
        if (Last is not { } last) return [Domain.Steps.Application];
        if (last is { Step: Domain.Steps.FullMembershipVote, Outcome: ProbationOutcome.Extend }) return [Domain.Steps.ProbationEducation];
        var next = new List<int>();
        if (Domain.Steps.Get(last.Step).Repeatable) next.Add(last.Step);
        if (last.Step < Domain.Steps.Count) next.Add(last.Step + 1);
        return next;
    }

    /// <summary>Whether probation was extended (step 23 decided so once already).</summary>
    public bool WasExtended => Steps.Any(s => s is { Step: Domain.Steps.FullMembershipVote, Outcome: ProbationOutcome.Extend });

    /// <summary>The months of the extension, if any.</summary>
    public int ExtensionMonths => Steps.Where(s => s is { Step: Domain.Steps.FullMembershipVote, Outcome: ProbationOutcome.Extend }).Sum(s => s.ExtensionMonths ?? 0);

    /// <summary>The date of the admission vote (step 15), from which probation counts; null before it.</summary>
    public DateOnly? AdmittedOn => Latest(Domain.Steps.AdmissionVote)?.Date;

    /// <summary>When probation ends: one year from the admission vote, plus the extension.</summary>
    public DateOnly? ProbationEnds => AdmittedOn is { } d ? MemberStages.EarliestFullMembership(d).AddMonths(ExtensionMonths) : null;

    /// <summary>Training so far (step 11, every session).</summary>
    public (decimal Days, decimal Hours) Training =>
        (Steps.Where(s => s.Step == Domain.Steps.Training).Sum(s => s.TrainingDays ?? 0), Steps.Where(s => s.Step == Domain.Steps.Training).Sum(s => s.TrainingHours ?? 0));

    /// <summary>Whether the steps since the last extension include <paramref name="step"/> (for the probation steps that come again).</summary>
    public bool HasSinceExtension(int step)
    {
        var from = Steps.Select((s, i) => (s, i)).LastOrDefault(x => x.s is { Step: Domain.Steps.FullMembershipVote, Outcome: ProbationOutcome.Extend }).i;
        var start = WasExtended ? from + 1 : 0;
        return Steps.Skip(start).Any(s => s.Step == step);
    }
}
