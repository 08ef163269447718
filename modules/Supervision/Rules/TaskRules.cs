using Modular.Modules.Supervision.Domain;
using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>
/// The task list's rules: a task's stage from its dated steps, what is overdue, when the office may check or escalate,
/// and what a task form and a step's note must satisfy. Problems are (field, English message key), localised by the page.
/// </summary>
public static class TaskRules
{
    public const int MaxTitle = 200, MaxSource = 200, MaxEvidence = 500, MaxNote = 2000, MaxProofCount = 50;

    /// <summary>A task's furthest stage (提示 → 调度 → 督查 → 督办) from its steps; done when closed. A reopened task
    /// keeps the stages it reached before.</summary>
    public static TaskStage Stage(WorkTaskStatus status, IEnumerable<StepKind> steps)
    {
        if (status == WorkTaskStatus.Done) return TaskStage.Done;
        var stage = TaskStage.Planned;
        foreach (var s in steps)
        {
            var reached = s switch
            {
                StepKind.Prompted => TaskStage.Prompted,
                StepKind.Reported => TaskStage.Reported,
                StepKind.Checked => TaskStage.Checked,
                StepKind.Escalated => TaskStage.Escalated,
                _ => TaskStage.Planned,
            };
            if (reached > stage) stage = reached;
        }
        return stage;
    }

    /// <summary>Open and past its deadline (a task due today is not late yet).</summary>
    public static bool IsOverdue(WorkTaskStatus status, DateOnly deadline, DateOnly today) => status == WorkTaskStatus.Open && deadline < today;

    /// <summary>Overdue as of <paramref name="asOf"/> by what was known then: due before it and not closed by it.</summary>
    public static bool WasOverdue(DateOnly deadline, DateOnly? closedOn, DateOnly asOf) => deadline < asOf && (closedOn is not { } c || c > asOf);

    /// <summary>
    /// Whether the office may take <paramref name="step"/> on a task now: any step on an open task only; escalation (督办)
    /// only of a late task; progress and checks need a note saying what was done or found.
    /// </summary>
    public static List<Problem> CheckStep(StepKind step, WorkTaskStatus status, DateOnly deadline, DateOnly today, string? note)
    {
        var problems = new List<Problem>();
        if (status == WorkTaskStatus.Done) { problems.Add(new("", "The task is done already.")); return problems; }
        if (step == StepKind.Escalated && !IsOverdue(status, deadline, today))
            problems.Add(new("", "Only a late task is escalated: this one is not past its deadline."));
        if (string.IsNullOrEmpty(note))
            problems.Add(new("Note", step switch
            {
                StepKind.Reported => "Please say what has been done.",
                StepKind.Checked => "Please note what the check found.",
                StepKind.Escalated => "Please say what is asked of the owner.",
                _ => "Please write a note.",
            }));
        else if (note.Length > MaxNote) problems.Add(new("Note", "A note can be at most 2000 characters."));
        return problems;
    }

    /// <summary>A task as the office enters it (already trimmed).</summary>
    /// <param name="DeadlineUnreadable">A deadline was posted but not understood.</param>
    public sealed record Input(string? Title, string? Source, int? OwnerOrganizationId, int? OwnerMemberId, DateOnly? Deadline, bool DeadlineUnreadable,
        string? EvidenceWanted, string? ProofKind, string? ProofType, int? ProofCount, DateOnly? ProofFrom, bool ProofFromUnreadable);

    /// <summary>
    /// A title; an owner organisation of the agency or an owner on the roster (at least one); a deadline within the year
    /// of the list; and, when a kind of record proves the task, a kind that exists, a type of that kind, a count of 1 to
    /// 50, and a start not after the deadline. Fields are those of the form ("Title", "Deadline", …).
    /// </summary>
    /// <param name="organizations">Ids of the agency's organisations.</param>
    /// <param name="ownerOnRoster">Whether the owner person (if any) is on the agency's roster.</param>
    /// <param name="kinds">The kinds of shared records the portal knows.</param>
    public static List<Problem> Check(Input input, int year, IReadOnlySet<int> organizations, bool ownerOnRoster, IReadOnlySet<string> kinds)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrEmpty(input.Title)) problems.Add(new("Title", "Please enter the task."));
        else if (input.Title.Length > MaxTitle) problems.Add(new("Title", "The task can be at most 200 characters."));
        if (input.Source?.Length > MaxSource) problems.Add(new("Source", "The source can be at most 200 characters."));
        if (input.EvidenceWanted?.Length > MaxEvidence) problems.Add(new("EvidenceWanted", "The evidence wanted can be at most 500 characters."));
        if (input.OwnerOrganizationId is null && input.OwnerMemberId is null)
            problems.Add(new("OwnerOrganizationId", "Please choose the owner organisation or the owner person."));
        if (input.OwnerOrganizationId is { } org && !organizations.Contains(org)) problems.Add(new("OwnerOrganizationId", "Please choose an organisation of this agency."));
        if (input.OwnerMemberId is not null && !ownerOnRoster) problems.Add(new("OwnerMemberId", "Please choose a member of this agency."));
        if (input.Deadline is not { } deadline) problems.Add(new("Deadline", input.DeadlineUnreadable ? "Please enter a valid date." : "Please enter the deadline."));
        else if (deadline.Year != year) problems.Add(new("Deadline", "The deadline must fall in the list's year ({0}).", year));
        if (!string.IsNullOrEmpty(input.ProofKind))
        {
            if (!kinds.Contains(input.ProofKind)) problems.Add(new("ProofKind", "Please choose a kind of record from the list."));
            else if (!string.IsNullOrEmpty(input.ProofType) && RecordKinds.TypesOf(input.ProofKind).All(t => t.Value != input.ProofType))
                problems.Add(new("ProofType", "Please choose a type from the list."));
            if (input.ProofCount is not { } n || n < 1 || n > MaxProofCount) problems.Add(new("ProofCount", "Please enter how many records prove the task (1 to 50)."));
            if (input.ProofFromUnreadable || input.ProofFrom is { } start && !SaneDates.IsSane(start)) problems.Add(new("ProofFrom", "Please enter a valid date."));
            else if (input.ProofFrom is { } from && input.Deadline is { } d && from > d) problems.Add(new("ProofFrom", "Records cannot be counted from after the deadline."));
        }
        else if (!string.IsNullOrEmpty(input.ProofType)) problems.Add(new("ProofKind", "Please choose the kind of record first."));
        return problems;
    }

    /// <summary>The first day records count from when a task names none: the first day of the deadline's quarter.</summary>
    public static DateOnly DefaultProofFrom(DateOnly deadline) => new(deadline.Year, (deadline.Month - 1) / 3 * 3 + 1, 1);
}
