namespace Modular.Modules.Supervision.Services;

/// <summary>
/// The steps of a task (调度 by its owner; 督查, 督办, closing and reopening by the office), each dated and kept, and
/// the messages they send: an escalation tells the owner.
/// </summary>
public sealed class TaskBoard(IDirectory directory, INotifications notifications, IAgencyClock clock, IStringLocalizer<SupervisionModule> T)
{
    /// <summary>Takes <paramref name="kind"/> on a loaded (tracked) task when the rules allow; problems otherwise, and nothing is changed.</summary>
    public List<Problem> TakeStep(WorkTask task, StepKind kind, string? note, int? memberId)
    {
        var today = clock.Today;
        var problems = kind switch
        {
            StepKind.Reported or StepKind.Checked or StepKind.Escalated => TaskRules.CheckStep(kind, task.Status, task.Deadline, today, note),
            StepKind.Closed => task.Status == WorkTaskStatus.Done ? [new Problem("", "The task is done already.")] :
                note?.Length > TaskRules.MaxNote ? [new Problem("Note", "A note can be at most 2000 characters.")] : [],
            StepKind.Reopened => task.Status == WorkTaskStatus.Open ? [new Problem("", "The task is open already.")] : [],
            _ => [new Problem("", "This step cannot be taken here.")],
        };
        if (problems.Count > 0) return problems;
        task.Steps.Add(new TaskStep { Kind = kind, Date = today, MemberId = memberId, Note = string.IsNullOrEmpty(note) ? null : note });
        if (kind == StepKind.Closed) { task.Status = WorkTaskStatus.Done; task.ClosedOn = today; }
        if (kind == StepKind.Reopened) { task.Status = WorkTaskStatus.Open; task.ClosedOn = null; }
        return problems;
    }

    /// <summary>Tells a task's or item's owner something: the owner person, or the secretary of the owner organisation.</summary>
    public async Task NotifyOwnerAsync(int? organizationId, int? memberId, Notice notice, CancellationToken ct)
    {
        var to = new HashSet<int>();
        if (memberId is { } m) to.Add(m);
        else if (organizationId is { } o) to.UnionWith(await SecretariesAsync([o], ct));
        if (to.Count > 0) await notifications.SendAsync(SupervisionModule.Id, to, notice, ct);
    }

    /// <summary>The secretaries (or, lacking one, deputy secretaries) of these organisations.</summary>
    public async Task<IReadOnlySet<int>> SecretariesAsync(IEnumerable<int> organizationIds, CancellationToken ct)
    {
        var found = new HashSet<int>();
        foreach (var o in organizationIds.Distinct())
        {
            var posts = await directory.GetPostsAsync(o, ct);
            var lead = posts.FirstOrDefault(p => p.Post == CommitteePost.Secretary) ?? posts.FirstOrDefault(p => p.Post == CommitteePost.DeputySecretary);
            if (lead is not null) found.Add(lead.MemberId);
        }
        return found;
    }

    /// <summary>The escalation message (督办) to a task's owner.</summary>
    public Notice EscalationNotice(WorkTask task) =>
        new(T["Escalated: {0}", task.Title], T["The task was due on {0}. Please report your progress.", task.Deadline.ToString("yyyy-MM-dd")],
            SupervisionModule.Links.Page($"/Tasks/Details/{task.Id}"));
}
