using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

/// <summary>The chain's end, its key, and what happens when lines go missing at the end.</summary>
public sealed class AuditAnchorTests
{
    private static async Task<string> VerifyAsync(HttpClient auditor) =>
        await (await auditor.PostFormAsync("/Audit", new Dictionary<string, string>(), "/Audit?handler=Verify")).Content.ReadAsStringAsync();

    [Fact]
    public async Task Deleting_the_newest_lines_is_reported_as_lines_missing_at_the_end()
    {
        using var portal = new PortalFactory("notes");
        var auditor = await portal.SignedInAsync("auditor");
        Assert.Contains("哈希链完整", await VerifyAsync(auditor));

        var last = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        var count = await portal.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        // What an intruder with direct database access would do: remove the newest lines, leaving a chain whose links all hold.
        await portal.ExecAsync(AuditSql.DropDeleteTrigger + "DELETE FROM \"AuditEntries\" WHERE \"Id\" > @cut;", ("@cut", last - 2));
        var html = await VerifyAsync(auditor);
        Assert.True(html.Contains("末尾记录缺失"), Regex.Match(html, "data-testid=\"chain-result\".{0,400}", RegexOptions.Singleline).Value);
        Assert.Contains($"检查点记载审计日志应到第 {last} 条记录（共 {count} 条），但现存日志只到第 {last - 2} 条", html);
        Assert.DoesNotContain("哈希链完整", html);
        // The portal goes on from the sealed head, so the gap stays visible once new lines follow.
        Assert.Contains("哈希链在第", await VerifyAsync(auditor));
    }

    [Fact]
    public async Task The_chain_is_keyed_by_default_with_a_key_generated_at_first_start()
    {
        using var portal = new PortalFactory();
        await portal.SignedInAsync("member");
        var key = Assert.Single(await portal.WithDbAsync(db => db.AuditKeys.AsNoTracking().ToListAsync()));
        Assert.Equal(0, key.KeyedAfterId);
        Assert.True(key.ProtectedKey.Length > 100, "kept protected by Data Protection, not as the raw key");
        var state = await AuditTestChain.KeyAsync(portal);
        Assert.NotNull(state.Key);
        var line = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(line.Hash, AuditChain.Compute(line, state.Key));
        Assert.NotEqual(line.Hash, AuditChain.Compute(line, null));
        var head = await portal.WithDbAsync(db => db.AuditCheckpoints.AsNoTracking().SingleAsync());
        Assert.Equal(line.Id, head.LastEntryId);
        Assert.Equal(await portal.WithDbAsync(db => db.AuditEntries.LongCountAsync()), head.Count);

        // A forged head (someone moving it back to hide lines) does not carry the seal.
        await portal.ExecAsync("UPDATE \"AuditCheckpoints\" SET \"Count\" = \"Count\" - 1");
        var auditor = await portal.SignedInAsync("auditor");
        Assert.Contains("检查点缺失或在平台之外被修改", await VerifyAsync(auditor));
    }

    [Fact]
    public async Task A_configured_key_is_still_honoured_and_none_is_generated()
    {
        using var portal = new PortalFactory();
        portal.Settings["Security:AuditChainKey"] = "a key kept outside the database";
        var auditor = await portal.SignedInAsync("auditor");
        Assert.Empty(await portal.WithDbAsync(db => db.AuditKeys.ToListAsync()));
        var line = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(line.Hash, AuditChain.Compute(line, System.Text.Encoding.UTF8.GetBytes("a key kept outside the database")));
        Assert.Contains("哈希链完整", await VerifyAsync(auditor));
    }

    [Fact]
    public async Task A_database_from_before_the_key_keeps_its_old_lines_verifiable_and_says_from_where_the_chain_is_keyed()
    {
        string workDir;
        long lastOld;
        using (var before = new PortalFactory())
        {
            await before.SignedInAsync("member");
            workDir = before.WorkDir;
            // Turn it into a database of the previous version: no key, no head, every link plain SHA-256.
            await before.ExecAsync(AuditSql.DropTrigger + AuditSql.DropKeyTriggers + "DELETE FROM \"AuditKeys\"; DELETE FROM \"AuditCheckpoints\";");
            await AuditTestChain.RechainAsync(before, key: null, writeHead: false);
            lastOld = await before.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        }
        using var after = new PortalFactory(workDir, [], copyPlugins: false);
        var auditor = await after.SignedInAsync("auditor");
        var key = Assert.Single(await after.WithDbAsync(db => db.AuditKeys.AsNoTracking().ToListAsync()));
        Assert.Equal(lastOld, key.KeyedAfterId);
        Assert.Contains(await after.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "audit.key-created").Select(e => e.Details).ToListAsync()),
            d => d!.Contains($"#{lastOld}"));
        var html = await VerifyAsync(auditor);
        Assert.Contains("哈希链完整", html);
        Assert.Contains($"第 {lastOld} 条及之前的记录写于哈希链启用密钥之前", html);
    }
}
