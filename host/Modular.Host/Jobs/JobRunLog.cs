namespace Modular.Host.Jobs;

/// <summary>One run of a scheduled job for one agency, as this instance saw it.</summary>
/// <param name="Error">The exception's type only when it failed (its message may quote data).</param>
public sealed record JobRun(string ModuleId, string Name, int AgencyId, DateTimeOffset StartedAt, TimeSpan Duration, bool Succeeded, string? Error);

/// <summary>
/// The latest job runs of this instance, newest first, for the platform's status page. Kept in memory: a restart
/// starts it empty, and each instance knows its own runs (the runs themselves record what they did in their data).
/// </summary>
public sealed class JobRunLog
{
    public const int Capacity = 50;
    private readonly Lock _lock = new();
    private readonly LinkedList<JobRun> _runs = new();

    public void Add(JobRun run)
    {
        lock (_lock)
        {
            _runs.AddFirst(run);
            if (_runs.Count > Capacity) _runs.RemoveLast();
        }
    }

    public IReadOnlyList<JobRun> Latest(int count)
    {
        lock (_lock) return _runs.Take(count).ToList();
    }
}
