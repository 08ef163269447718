using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Modular.Host.Data;

namespace Modular.Host.Tenancy;

/// <summary>
/// Tells this instance's caches of module switches and settings when they changed, here or on another instance
/// sharing the database: a change here fires at once; the table's fingerprint (rows, sum of versions) is read
/// every <c>Modular:SignalSeconds</c> to catch the others'.
/// </summary>
public sealed class ModuleSwitchWatcher(IServiceScopeFactory scopes, ModularOptions options, ILogger<ModuleSwitchWatcher> logger) : BackgroundService
{
    private CancellationTokenSource _changed = new();
    private (int Rows, long Versions)? _seen;

    /// <summary>Expires when a switch or a setting changes; cache entries of switches and settings carry it.</summary>
    public IChangeToken Token => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>This instance changed something: its own caches forget at once.</summary>
    public void Changed()
    {
        var old = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SignalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SignalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
                var rows = await db.AgencyModules.CountAsync(stoppingToken);
                var versions = rows == 0 ? 0 : await db.AgencyModules.SumAsync(m => m.Version, stoppingToken);
                var now = (rows, versions);
                // No earlier reading (the first tick, or the last one failed): caches filled before it may already be
                // stale, so they forget too; a flush costs a refill, a missed change would last until the cache expires.
                if (_seen != now) Changed();
                _seen = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _seen = null;
                logger.LogWarning(ex, "Could not read the module switches' fingerprint");
            }
        }
    }
}
