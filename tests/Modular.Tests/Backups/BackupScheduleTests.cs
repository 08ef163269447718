using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Modular.Host.Auditing;
using Modular.Host.Backups;
using Modular.Host.Data;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Backups;

/// <summary>The daily backup runs at its time on the agency clock (a fake clock here) and keeps the newest ones.</summary>
public sealed class BackupScheduleTests : IDisposable
{
    private readonly string _folder = PortalFactory.NewWorkDir();
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task The_daily_backup_runs_at_its_time_in_Beijing_and_keeps_the_newest_two()
    {
        var services = _portal.Services;
        // 13 May 2026, 10:00 in Beijing: the first backup is due at 02:30 the next morning (18:30 UTC).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 13, 10, 0, 0, TimeSpan.FromHours(8)));
        var options = new BackupOptions { TimeOfDay = "02:30", Keep = 2 };
        var history = new BackupHistory(_folder);
        var backups = new BackupService(services.GetRequiredService<DatabaseSettings>(), options, history, services.GetRequiredService<AuditWriter>(),
            services.GetRequiredService<IConfiguration>(), clock, NullLogger<BackupService>.Instance);
        var scheduler = new BackupScheduler(backups, new AgencyClock(clock, AgencyClock.FindTimeZone(null)), clock, NullLogger<BackupScheduler>.Instance);
        var done = Channel.CreateUnbounded<BackupRecord>();
        backups.Completed += r => done.Writer.TryWrite(r);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await scheduler.StartAsync(timeout.Token);
        try
        {
            if (TestDatabase.IsPostgreSql)
            {
                // pg_dump's job there: the scheduler does not start.
                await scheduler.ExecuteTask!.WaitAsync(timeout.Token);
                Assert.Empty(await history.ListAsync());
                return;
            }
            for (var day = 14; day <= 16; day++)
            {
                var due = await scheduler.Waits.ReadAsync(timeout.Token);
                Assert.Equal(new DateTimeOffset(2026, 5, day, 2, 30, 0, TimeSpan.FromHours(8)), due);
                Assert.Equal(day - 14, (await history.ListAsync()).Count); // nothing runs before its time
                clock.SetUtcNow(due);
                var record = await done.Reader.ReadAsync(timeout.Token);
                Assert.True(record.Success, record.Error);
                Assert.Equal(BackupService.ScheduleUser, record.By);
                Assert.Equal($"modular-202605{day - 1:00}-183000Z.zip", record.File);
            }
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }

        var lines = await history.ListAsync();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.True(l.Success));
        Assert.Equal(["modular-20260515-183000Z.zip", "modular-20260514-183000Z.zip"], lines.Where(l => l.RemovedAt is null).Select(l => l.File));
        Assert.Equal("modular-20260513-183000Z.zip", Assert.Single(lines, l => l.RemovedAt is not null).File);
        Assert.Equal(["backups.json", "modular-20260514-183000Z.zip", "modular-20260515-183000Z.zip"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The history is the folder's, not the database's: a restore cannot roll it back.
        Assert.True(File.Exists(Path.Combine(_folder, BackupHistory.IndexFile)));
        Assert.Equal(3, (await _portal.QueryAsync("SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Action\" = 'backup.created'")).Select(int.Parse).Single());
    }

    [Theory]
    [InlineData("2026-05-13T10:00:00+08:00", "02:30", "2026-05-14T02:30:00+08:00")]
    [InlineData("2026-05-13T02:29:59+08:00", "02:30", "2026-05-13T02:30:00+08:00")]
    [InlineData("2026-05-13T02:30:00+08:00", "02:30", "2026-05-14T02:30:00+08:00")]
    [InlineData("2026-12-31T22:59:00+00:00", "07:00", "2027-01-01T07:00:00+08:00")]
    [InlineData("2026-12-31T23:00:00+00:00", "07:00", "2027-01-02T07:00:00+08:00")]
    public void The_next_run_is_the_next_such_time_on_the_Beijing_clock(string now, string at, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), BackupScheduler.NextRun(DateTimeOffset.Parse(now), TimeOnly.Parse(at), AgencyClock.FindTimeZone(null)));

    public void Dispose()
    {
        _portal.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
