using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Closes the record-proved tasks whose records have appeared without anyone opening the list: the host runs it for
/// each agency where supervision is on, and the records are read as the agency's Party office would (no people).
/// </summary>
public sealed class ProvedTasksJob(SupervisionDbContext db, IJobSharedRecords records, IServiceProvider services) : IScheduledJob
{
    public string ModuleId => SupervisionModule.Id;
    public string Name => "close-proved-tasks";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!records.InJob) return;
        var open = await db.Tasks.Where(t => t.Status == WorkTaskStatus.Open && t.ProofKind != null && t.ProofKind != "").ToListAsync(cancellationToken);
        if (open.Count == 0) return;
        // The same rules as on view, reading through the job's records (a user-less ISharedRecords answers nothing).
        var proof = ActivatorUtilities.CreateInstance<TaskProof>(services, (ISharedRecords)records);
        await proof.CloseProvedAsync(open, cancellationToken);
    }
}
