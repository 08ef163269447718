using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

public sealed class AuditRetentionTests
{
    [Fact]
    public async Task Pruning_keeps_six_calendar_months_records_what_it_removed_and_the_rest_of_the_chain_verifies()
    {
        using var portal = new PortalFactory();
        portal.Settings["Security:AuditRetentionDays"] = "30"; // asks for less than the baseline allows
        await portal.SignedInAsync("member");
        // Age the first lines (SQL on purpose: the log is append-only to the portal itself): two are 200 days old; one is just inside 6 calendar months (always more than 180 days).
        await portal.ExecAsync(AuditSql.DropTrigger
            + "UPDATE \"AuditEntries\" SET \"Time\" = @old WHERE \"Id\" IN (SELECT \"Id\" FROM \"AuditEntries\" ORDER BY \"Id\" LIMIT 2);"
            + "UPDATE \"AuditEntries\" SET \"Time\" = @recent WHERE \"Id\" = (SELECT \"Id\" FROM \"AuditEntries\" ORDER BY \"Id\" LIMIT 1 OFFSET 2);",
            ("@old", portal.Clock.GetUtcNow().UtcDateTime.AddDays(-200)), ("@recent", portal.Clock.GetUtcNow().UtcDateTime.AddMonths(-6).AddHours(12)));
        // Re-chain the aged lines, as if they had been written back then.
        await AuditTestChain.RechainAsync(portal, (await AuditTestChain.KeyAsync(portal)).Key);
        var before = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Take(3).ToListAsync());

        var removed = await portal.Services.GetRequiredService<AuditPruner>().PruneAsync(default);
        Assert.Equal(2, removed); // only the lines older than 6 months, though the setting asked for 30 days
        var remaining = await portal.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before[2].Id, remaining.First().Id);
        // The prune line says what went: how many, which ids, when, and the anchor the rest verifies from.
        var prune = Assert.Single(remaining, e => e.Action == "audit.prune");
        Assert.StartsWith($"2 lines #{before[0].Id}-#{before[1].Id} (", prune.Details);
        Assert.EndsWith("anchor " + before[1].Hash, prune.Details);
        await using var scope = portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(default);
        Assert.True(report.Intact, $"broken at {report.BrokenAt}, missing tail {report.MissingTail}, checkpoint {report.CheckpointInvalid}/{report.CheckpointMismatch}");
    }

    [Fact]
    public void The_retention_is_never_less_than_six_calendar_months()
    {
        var now = new DateTime(2026, 8, 31, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 2, 28, 12, 0, 0, DateTimeKind.Utc), new Modular.Host.Security.SecurityOptions().AuditRetentionCutoff(now));
        Assert.Equal(now.AddMonths(-6), new Modular.Host.Security.SecurityOptions { AuditRetentionDays = 180 }.AuditRetentionCutoff(now));
        Assert.Equal(now.AddMonths(-6), new Modular.Host.Security.SecurityOptions { AuditRetentionMonths = 1 }.AuditRetentionCutoff(now));
        Assert.Equal(now.AddMonths(-12), new Modular.Host.Security.SecurityOptions { AuditRetentionMonths = 12 }.AuditRetentionCutoff(now));
        Assert.Equal(now.AddDays(-400), new Modular.Host.Security.SecurityOptions { AuditRetentionDays = 400 }.AuditRetentionCutoff(now));
        Assert.True(new Modular.Host.Security.SecurityOptions { AuditRetentionDays = 180 }.AuditRetentionBelowBaseline(now));
    }
}
