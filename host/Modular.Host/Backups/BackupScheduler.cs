using System.Threading.Channels;
using Modular.Sdk;

namespace Modular.Host.Backups;

/// <summary>
/// The daily backup at <c>Modular:Backup:TimeOfDay</c> on the agency clock (Asia/Shanghai unless set otherwise),
/// waiting on the host's <see cref="TimeProvider"/> so that a test's fake clock drives it.
/// </summary>
public sealed class BackupScheduler(BackupService backups, IAgencyClock agencyClock, TimeProvider clock, ILogger<BackupScheduler> logger) : BackgroundService
{
    private readonly Channel<DateTimeOffset> _waits = Channel.CreateBounded<DateTimeOffset>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>The time the scheduler now waits for, told each time it starts waiting (a test advances its clock then).</summary>
    public ChannelReader<DateTimeOffset> Waits => _waits.Reader;

    /// <summary>The first daily time after <paramref name="now"/>, on the wall clock of <paramref name="zone"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = local.Date + at.ToTimeSpan();
        if (candidate <= local.DateTime) candidate = candidate.AddDays(1);
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!backups.Supported) return;
        if (backups.Options.DailyAt is not { } at)
        {
            if (!string.Equals(backups.Options.TimeOfDay, "off", StringComparison.OrdinalIgnoreCase))
                logger.LogWarning("Modular:Backup:TimeOfDay '{Value}' is not a time such as 02:30: no daily backup", backups.Options.TimeOfDay);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = NextRun(now, at, agencyClock.TimeZone);
            var delay = Task.Delay(next - now, clock, stoppingToken);
            _waits.Writer.TryWrite(next);
            await delay;
            // The clock may have been moved on past several days: one backup for the missed ones.
            await backups.RunAsync(BackupService.ScheduleUser, null, null, stoppingToken);
        }
    }
}
