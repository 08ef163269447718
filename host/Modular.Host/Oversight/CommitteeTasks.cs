using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>
/// The committee's side of tasks from above: issue a task or notice to chosen agencies (one copy each), press for it
/// (催办: the agency's Party office gets a message), read back each agency's state and progress and reply to it. Saved
/// through the host's context; every step audited.
/// </summary>
public sealed class CommitteeTasks(HostDbContext db, IndicatorCollector collector, IAuditLog audit, ICurrentUser user, TimeProvider clock, IAgencyClock agencyClock,
    AgencyOffices offices, Localization.IText text)
{
    public sealed record Summary(CommitteeTask Task, int Agencies, int Open, int InProgress, int Done, bool Overdue);
    public sealed record CopyRow(CommitteeTaskCopy Copy, string AgencyName, bool Overdue);

    public async Task<IReadOnlyList<Summary>> ListAsync(CancellationToken ct)
    {
        var today = agencyClock.Today;
        var tasks = await db.CommitteeTasks.AsNoTracking().Include(t => t.Copies).OrderByDescending(t => t.Id).ToListAsync(ct);
        return tasks.Select(t => new Summary(t, t.Copies.Count, t.Copies.Count(c => c.State == HigherTaskState.Open),
            t.Copies.Count(c => c.State == HigherTaskState.InProgress), t.Copies.Count(c => c.State == HigherTaskState.Done),
            t.Deadline < today && t.Copies.Any(c => c.State != HigherTaskState.Done))).ToList();
    }

    public async Task<(CommitteeTask Task, IReadOnlyList<CopyRow> Copies)?> DetailsAsync(int id, CancellationToken ct)
    {
        if (await db.CommitteeTasks.AsNoTracking().Include(t => t.Copies).FirstOrDefaultAsync(t => t.Id == id, ct) is not { } task) return null;
        var names = (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ShortName, a.Name }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => string.IsNullOrEmpty(a.ShortName) ? a.Name : a.ShortName);
        var today = agencyClock.Today;
        return (task, task.Copies.OrderBy(c => c.AgencyId)
            .Select(c => new CopyRow(c, names.GetValueOrDefault(c.AgencyId, "—"), task.Deadline < today && c.State != HigherTaskState.Done)).ToList());
    }

    public async Task<(int? Id, IReadOnlyList<Problem> Problems)> IssueAsync(CommitteeTaskRules.Draft draft, CancellationToken ct)
    {
        var active = (await collector.AgenciesAsync(ct)).Select(a => a.Id).ToHashSet();
        var problems = CommitteeTaskRules.CheckDraft(draft, active, agencyClock.Today);
        if (problems.Count > 0) return (null, problems);
        var task = new CommitteeTask
        {
            Kind = draft.Kind, Title = draft.Title!.Trim(), Body = draft.Body!.Trim(), Deadline = draft.Deadline,
            IssuedBy = user.UserName ?? "", CreatedAt = clock.GetUtcNow(),
            Copies = draft.AgencyIds.Distinct().Select(a => new CommitteeTaskCopy { AgencyId = a, State = HigherTaskState.Open }).ToList(),
        };
        db.CommitteeTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("oversight.task.issued", "CommitteeTask#" + task.Id, $"{task.Kind}; agencies {string.Join(",", draft.AgencyIds.Distinct())}", true, ct);
        return (task.Id, []);
    }

    /// <summary>催办: presses the agencies whose copy is not done (or one of them); false for an unknown task or copy.</summary>
    public async Task<int?> RemindAsync(int taskId, int? copyId, CancellationToken ct)
    {
        var copies = await db.CommitteeTaskCopies.Where(c => c.TaskId == taskId && c.State != HigherTaskState.Done && (copyId == null || c.Id == copyId)).ToListAsync(ct);
        if (copies.Count == 0 && !await db.CommitteeTasks.AnyAsync(t => t.Id == taskId, ct)) return null;
        var now = clock.GetUtcNow();
        foreach (var c in copies)
        {
            c.Reminders++;
            c.RemindedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("oversight.task.reminded", "CommitteeTask#" + taskId, $"agencies {string.Join(",", copies.Select(c => c.AgencyId))}", true, ct);
        if (copies.Count > 0)
        {
            var title = await db.CommitteeTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Title).FirstAsync(ct);
            // The office finds the task through its to-do list, whichever module shows tasks from above.
            foreach (var c in copies)
                await offices.NotifyAsync(c.AgencyId, new Notice(text["Pressed by the committee: {0}", title],
                    text["The organ work committee pressed this task ({0} times so far). Please work on it and report progress.", c.Reminders], "/Todo"), ct);
        }
        return copies.Count;
    }

    /// <summary>The committee's reply to one agency's progress; null for an unknown task or copy, problems when it cannot be saved.</summary>
    public async Task<IReadOnlyList<Problem>?> ReplyAsync(int taskId, int copyId, string? reply, long version, CancellationToken ct)
    {
        if (await db.CommitteeTaskCopies.FirstOrDefaultAsync(c => c.Id == copyId && c.TaskId == taskId, ct) is not { } copy) return null;
        var problems = CommitteeTaskRules.CheckReply(copy.LastProgress, reply);
        if (problems.Count > 0) return problems;
        if (copy.Version != version) return [Problem.Stale()];
        copy.Reply = reply!.Trim();
        copy.RepliedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Stale()];
        }
        // The text stays out of the audit line, as the agency's progress does.
        await audit.WriteAsync("oversight.task.replied", "CommitteeTask#" + taskId, $"agency {copy.AgencyId}", true, ct);
        return [];
    }
}
