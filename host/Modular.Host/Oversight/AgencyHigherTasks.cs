using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>
/// The committee's tasks as the current agency sees them (<see cref="IHigherTasks"/>): its own copies only, so another
/// agency's id is unknown. Reports are saved through the host's context and audited under the reporting module.
/// </summary>
public sealed class AgencyHigherTasks(HostDbContext db, ICurrentAgency agency, IAuditLog audit, IText text, TimeProvider clock, IAgencyCache cache) : IHigherTasks
{
    // Kept until the agency's data changes: every change the agency sees is a save of its copy (issue, press, reply,
    // report), and the committee's task itself is never edited once issued.
    public async Task<IReadOnlyList<HigherTask>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (agency.Id is not { } id) return [];
        return await cache.GetOrCreateAsync("oversight:higher-tasks", async c =>
            (await db.CommitteeTaskCopies.AsNoTracking().Include(c => c.Task)
                .Where(c => c.AgencyId == id).OrderByDescending(c => c.TaskId).ToListAsync(c)).Select(ToTask).ToArray(), cancellationToken);
    }

    public async Task<HigherTask?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await CopyAsync(id, tracked: false, cancellationToken) is { } copy ? ToTask(copy) : null;

    public async Task<IReadOnlyList<Problem>> ReportAsync(string moduleId, int id, HigherTaskReport report, CancellationToken cancellationToken = default)
    {
        if (await CopyAsync(id, tracked: true, cancellationToken) is not { } copy) return [Localized(new Problem("", "The task is unknown."))];
        var problems = CommitteeTaskRules.CheckReport(copy.State, report);
        if (problems.Count > 0)
        {
            await audit.WriteAsync("oversight.task.reported", "CommitteeTask#" + copy.TaskId, $"module {moduleId}; refused", false, cancellationToken);
            return problems.Select(Localized).ToList();
        }
        copy.State = report.State;
        copy.LastProgress = report.Progress.Trim();
        copy.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Stale()];
        }
        // The progress text stays out of the audit line: the committee reads it on its page.
        await audit.WriteAsync("oversight.task.reported", "CommitteeTask#" + copy.TaskId, $"module {moduleId}; state {report.State}", true, cancellationToken);
        return [];
    }

    private async Task<CommitteeTaskCopy?> CopyAsync(int id, bool tracked, CancellationToken ct)
    {
        if (agency.Id is not { } agencyId) return null;
        var query = db.CommitteeTaskCopies.Include(c => c.Task).Where(c => c.Id == id && c.AgencyId == agencyId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    /// <summary>The message in the user's language already: a module's localizer passes a text it does not know through unchanged.</summary>
    private Problem Localized(Problem p) => p.Message == Problem.StaleKey ? p : p with { Message = text[p.Message, p.Args], Args = [] };

    private static HigherTask ToTask(CommitteeTaskCopy c) =>
        new(c.Id, c.Task.Kind, c.Task.Title, c.Task.Body, c.Task.Deadline, c.Task.CreatedAt, c.State, c.LastProgress, c.UpdatedAt)
        {
            Reminders = c.Reminders, RemindedAt = c.RemindedAt, Reply = c.Reply, RepliedAt = c.RepliedAt,
        };
}
