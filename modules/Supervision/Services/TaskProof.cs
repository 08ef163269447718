namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Closes the tasks that records of other modules prove (a Q4 organisational life meeting held, two warning-education
/// sessions): checked whenever the tasks are viewed, through the viewer's ISharedRecords, and by <see cref="ProvedTasksJob"/>
/// through the job's (IJobSharedRecords). A task is never reopened because records disappear from sight; the office
/// reopens it by hand.
/// </summary>
public sealed class TaskProof(SupervisionDbContext db, ISharedRecords records, SupervisionAccess access, PeopleLookup people, IAgencyClock clock, IStringLocalizer<SupervisionModule> T)
{
    /// <summary>
    /// The demand of a task that names a kind of record; null otherwise. Records count from the owner organisation and
    /// those under it; a task of the agency's Party committee (the top of the tree) or of a person counts the whole agency's.
    /// </summary>
    public async Task<ProofRules.Demand?> DemandAsync(WorkTask task, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(task.ProofKind) || task.ProofCount <= 0) return null;
        IReadOnlySet<int>? organizations = null;
        if (task.OwnerOrganizationId is { } o && (await people.OrganizationsByIdAsync(ct)).TryGetValue(o, out var org) && org.ParentId is not null)
            organizations = await access.SubtreeAsync(o, ct);
        return new ProofRules.Demand(task.ProofKind, task.ProofType, task.ProofCount, task.ProofFrom ?? TaskRules.DefaultProofFrom(task.Deadline), task.Deadline, organizations);
    }

    /// <summary>The records of a task's kind that count toward it (for its page).</summary>
    public async Task<IReadOnlyList<SharedRecord>> CountedAsync(WorkTask task, CancellationToken ct)
    {
        if (await DemandAsync(task, ct) is not { } demand || !records.IsAvailable(demand.Kind)) return [];
        return ProofRules.Counted(demand, await SearchAsync(demand.Kind, demand.From, demand.To, ct));
    }

    // Records of a kind are read once for every task that names it, over the span of their periods; the rules pick each task's.
    private Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, DateOnly from, DateOnly to, CancellationToken ct) =>
        records.SearchAsync(kind, new SharedRecordQuery(from, to, Take: 1000), ct);

    /// <summary>Closes every open, record-proved task among <paramref name="tasks"/> (tracked) whose records have appeared; saves when any closed.</summary>
    /// <returns>How many closed.</returns>
    public async Task<int> CloseProvedAsync(IEnumerable<WorkTask> tasks, CancellationToken ct)
    {
        var demands = new List<(WorkTask Task, ProofRules.Demand Demand)>();
        foreach (var task in tasks.Where(t => t.Status == WorkTaskStatus.Open && !string.IsNullOrEmpty(t.ProofKind)))
            if (await DemandAsync(task, ct) is { } demand && records.IsAvailable(demand.Kind)) demands.Add((task, demand));
        var found = new Dictionary<string, IReadOnlyList<SharedRecord>>();
        foreach (var kind in demands.GroupBy(d => d.Demand.Kind))
            found[kind.Key] = await SearchAsync(kind.Key, kind.Min(d => d.Demand.From), kind.Max(d => d.Demand.To), ct);

        var closed = 0;
        foreach (var (task, demand) in demands)
        {
            var counted = ProofRules.Counted(demand, found[demand.Kind]);
            if (counted.Count < task.ProofCount || counted.Count == 0) continue;
            var today = clock.Today;
            var proof = string.Join("；", counted.Take(task.ProofCount).Select(r => $"{r.Date:yyyy-MM-dd} {r.Title}"));
            db.Steps.Add(new TaskStep { TaskId = task.Id, Kind = StepKind.Proved, Date = today, Note = Cut(T["Proved by: {0}", proof].Value, TaskRules.MaxNote) });
            task.Status = WorkTaskStatus.Done;
            task.ClosedOn = today;
            closed++;
        }
        if (closed > 0)
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                // Another request closed or changed one first: its page shows the state as saved there.
                db.ChangeTracker.Clear();
                return 0;
            }
        }
        return closed;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
