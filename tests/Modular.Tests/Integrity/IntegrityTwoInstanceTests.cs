using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>
/// Two instances on one PostgreSQL database: while one runs the festival job of an agency, the other skips it (the
/// advisory lock), rather than running it beside it and leaning on the sent row's unique index.
/// </summary>
public sealed class IntegrityTwoInstanceTests
{
    [PostgreSqlFact]
    public async Task While_one_instance_runs_the_festival_job_the_other_skips_it_and_the_reminder_goes_out_once()
    {
        var workDir = PortalFactory.NewWorkDir();
        using var a = new PortalFactory(workDir, ["integrity"]);
        a.Settings["Modular:JobSeconds"] = "0";
        _ = a.Server; // migrates and seeds
        var demo = await a.DemoAgencyIdAsync();
        // One agency with the module on: each round is then one job run (or none).
        var others = await a.WithDbAsync(db => db.Agencies.Where(x => x.Id != demo).Select(x => x.Id).ToListAsync());
        await using (var scope = a.Services.CreateAsyncScope())
            foreach (var other in others)
                Assert.True(await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Modules.ModuleSwitchboard>().SetEnabledAsync(other, "integrity", false, default));
        using var b = new PortalFactory(workDir, [], copyPlugins: false);
        b.Settings["Modular:JobSeconds"] = "0";
        _ = b.Server;
        var day = new DateOnly(2027, 9, 13); // Mid-Autumn Festival 2027 is on 15 September

        // Hold instance A inside the job: the sent-row table is locked, so the job waits at its first look at it.
        await using var blocker = new Npgsql.NpgsqlConnection(a.ConnectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand($"LOCK TABLE {IntegrityData.FestivalSentTable} IN ACCESS EXCLUSIVE MODE", blocker, hold))
            await lockTable.ExecuteNonQueryAsync();
        var runA = a.RunJobsAsync(day);
        // Wait until A holds the job's advisory lock (it keeps it until the job ends).
        await using (var probe = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", blocker, hold))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((long)(await probe.ExecuteScalarAsync())! == 0)
            {
                Assert.False(runA.IsCompleted, "instance A finished without holding the job's lock");
                Assert.True(DateTime.UtcNow < deadline, "instance A never took the job's lock");
                await Task.Delay(50);
            }
        }
        // B finds the lock taken and skips the run at once; without the lock it would wait on the table beside A.
        var runB = b.RunJobsAsync(day);
        Assert.True(await Task.WhenAny(runB, Task.Delay(TimeSpan.FromSeconds(60))) == runB, "instance B ran the job beside A instead of skipping it");
        Assert.Equal(0, await runB);
        Assert.False(runA.IsCompleted);
        await hold.RollbackAsync();
        Assert.Equal(1, await runA);

        // Afterwards either instance runs it again (and sends nothing more).
        Assert.Equal(1, await b.RunJobsAsync(day));
        Assert.Equal(1, await a.RunJobsAsync(day));
        var members = await a.MembersOnTheRollAsync(demo);
        Assert.Equal(members, await a.NoticeCountAsync(demo, "节日廉洁提醒：中秋节"));
        Assert.Equal(1, await a.FestivalRemindersSentAsync(demo, 2027));
    }
}
