using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Jobs;

/// <summary>
/// Runs the modules' <see cref="IScheduledJob"/>s every <c>Modular:JobSeconds</c>: for each active agency, each job whose
/// module is on there, in a scope of its own with that agency current. A job and agency run under a database lock taken
/// without waiting, so an instance that finds another one at it skips that round; a round finds the last one still
/// running and skips too.
/// </summary>
public sealed class ScheduledJobRunner(IServiceScopeFactory scopes, Plugins.LivePlugins live, ModuleGate gate, DatabaseLocks locks, ModularOptions options,
    TimeProvider clock, JobRunLog runs, Operations.HostMetrics metrics, ILogger<ScheduledJobRunner> logger) : BackgroundService
{

    /// <summary>One round over every agency; returns how many job runs completed. Public so that tests choose the time.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var round = await locks.TryHoldAsync(DatabaseLocks.ScheduledJobs, LockReach.ThisInstance, ct);
        if (round is null) return 0;
        List<(int Id, string ShortName)> agencies;
        List<(string ModuleId, string Name)> jobs;
        await using (var scope = NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            agencies = (await db.Agencies.AsNoTracking().Where(a => a.Status == AgencyStatus.Active).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.ShortName }).ToListAsync(ct)).Select(a => (a.Id, a.ShortName)).ToList();
            jobs = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => (j.ModuleId, j.Name)).Distinct().ToList();
        }
        var done = 0;
        foreach (var agency in agencies)
        foreach (var (moduleId, name) in jobs)
        {
            if (!gate.IsEnabled(agency.Id, moduleId)) continue;
            try
            {
                if (await RunAsync(agency, moduleId, name, now, ct)) done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled job {Module}/{Job} failed for agency {Agency}", moduleId, name, agency.Id);
            }
        }
        return done;
    }

    private async Task<bool> RunAsync((int Id, string ShortName) agency, string moduleId, string name, DateTimeOffset now, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agency.Id, agency.ShortName);
        await using var scope = NewScope();
        scope.ServiceProvider.GetRequiredService<JobRunContext>().Begin(agency.Id);
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().First(j => j.ModuleId == moduleId && j.Name == name);
        // The lock lives on a connection of its own; the job works on its own contexts meanwhile.
        await using var running = await locks.TryHoldAsync(DatabaseLocks.Job(moduleId, name, agency.Id), ct: ct);
        if (running is null) return false;
        var started = clock.GetTimestamp();
        try
        {
            await job.RunAsync(now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Record(false, ex.GetType().Name);
            throw;
        }
        Record(true, null);
        return true;

        void Record(bool succeeded, string? error)
        {
            runs.Add(new JobRun(moduleId, name, agency.Id, now, clock.GetElapsedTime(started), succeeded, error));
            metrics.JobRun(moduleId, name, succeeded);
        }
    }

    /// <summary>A scope of the newest plugin scope once a plugin was installed while running, so its jobs run too.</summary>
    private AsyncServiceScope NewScope() =>
        (live.Scope is { } plugins ? Autofac.ResolutionExtensions.Resolve<IServiceScopeFactory>(plugins) : scopes).CreateAsyncScope();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.JobSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.JobSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled jobs failed");
            }
        }
    }
}
