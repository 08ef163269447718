using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Infrastructure;

namespace Modular.Tests;

/// <summary>The audit log: what is recorded, masking, append-only, the hash chain and who may read it.</summary>
public sealed class AuditTests : IClassFixture<AuditTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public AuditTests(Portal portal) => _portal = portal;

    private Task<List<AuditEntry>> EntriesAsync(string action) =>
        _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_are_recorded_with_user_and_address()
    {
        var client = _portal.NewClient();
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "member", ["Input.Password"] = "bad-one" });
        await client.SignInAsync("member");
        await client.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");

        var failed = (await EntriesAsync("sign-in-failed")).Last(e => e.UserName == "member");
        Assert.False(failed.Success);
        var ok = (await EntriesAsync("sign-in")).Last(e => e.UserName == "member");
        Assert.True(ok.Success);
        Assert.Contains(await EntriesAsync("sign-out"), e => e.UserName == "member");
    }

    [Fact]
    public async Task A_module_change_is_recorded_with_fields_and_personal_data_masked()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var id = await _portal.AddNoteAsync(agency, "审计前标题");
        var client = await _portal.SignedInAsync("office");
        var response = await client.PutAsJsonAsync($"/m/notes/api/notes/{id}", new { title = "审计后标题", contactPhone = "13812341027" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var line = (await EntriesAsync("update")).Last(e => e.Target == $"Notes.Note#{id}");
        Assert.Equal("office", line.UserName);
        Assert.Equal(agency, line.AgencyId);
        Assert.Contains("审计前标题", line.Details);
        Assert.Contains("审计后标题", line.Details);
        Assert.Contains("138****1027", line.Details);
        Assert.DoesNotContain("13812341027", line.Details);
        Assert.Contains(await EntriesAsync("create"), e => e.Target == $"Notes.Note#{id}");
    }

    [Fact]
    public async Task Turning_a_module_off_is_recorded()
    {
        var client = await _portal.SignedInAsync("office");
        await client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = "false" }, "/Agency/Modules?handler=Toggle&moduleId=notes");
        await client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = "true" }, "/Agency/Modules?handler=Toggle&moduleId=notes");
        var lines = (await EntriesAsync("update")).Where(e => e.Target.StartsWith("Host.AgencyModule#") && e.UserName == "office").ToList();
        Assert.Contains(lines, e => e.Details!.Contains("\"Enabled\":[true,false]"));
        Assert.Contains(lines, e => e.Details!.Contains("\"Enabled\":[false,true]"));
    }

    [Fact]
    public async Task The_database_refuses_to_change_an_audit_line()
    {
        var ex = await Assert.ThrowsAnyAsync<DbException>(() => _portal.ExecAsync(
            "UPDATE \"AuditEntries\" SET \"Action\" = 'nothing' WHERE \"Id\" = (SELECT min(\"Id\") FROM \"AuditEntries\")"));
        Assert.Contains("append-only", ex.Message);
    }

    [Fact]
    public async Task The_database_refuses_to_delete_an_audit_line_outside_the_pruner()
    {
        var before = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync());
        foreach (var sql in new[]
        {
            "DELETE FROM \"AuditEntries\" WHERE \"Id\" = (SELECT max(\"Id\") FROM \"AuditEntries\")",
            "DELETE FROM \"AuditEntries\"",
        })
        {
            var ex = await Assert.ThrowsAnyAsync<DbException>(() => _portal.ExecAsync(sql));
            Assert.Contains("append-only", ex.Message);
        }
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.CountAsync()) >= before);
        // Nor is the chain's key changed or removed.
        var keyEx = await Assert.ThrowsAnyAsync<DbException>(() => _portal.ExecAsync("DELETE FROM \"AuditKeys\""));
        Assert.Contains("append-only", keyEx.Message);
    }

    [Fact]
    public async Task Only_the_audit_administrator_reads_the_log()
    {
        var auditor = await _portal.SignedInAsync("auditor");
        var page = await auditor.GetStringAsync("/Audit?action=sign-in");
        Assert.Contains("审计日志", page);
        Assert.Contains("sign-in", page);
        var csv = await auditor.GetAsync("/Audit?handler=Export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("PreviousHash", await csv.Content.ReadAsStringAsync());

        foreach (var user in new[] { "admin", "secadmin", "office", "member" })
        {
            var client = await _portal.SignedInAsync(user);
            var response = await client.GetAsync("/Audit");
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString() ?? "");
        }
        // The auditor sees nothing else.
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync("/Platform/Agencies")).Headers.Location!.ToString());
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync("/Security/Administrators")).Headers.Location!.ToString());
    }
}

/// <summary>Tampering needs its own database: it breaks the chain for good.</summary>
public sealed class AuditTamperTests
{
    [Fact]
    public async Task Verification_finds_a_line_changed_outside_the_portal()
    {
        using var portal = new PortalFactory("notes");
        var auditor = await portal.SignedInAsync("auditor");
        var intact = await auditor.PostFormAsync("/Audit", new Dictionary<string, string>(), "/Audit?handler=Verify");
        Assert.Contains("哈希链完整", await intact.Content.ReadAsStringAsync());

        var target = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "sign-in").Select(e => e.Id).FirstAsync());
        // What an intruder with direct database access would do.
        await portal.ExecAsync(AuditSql.DropTrigger + $"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Id\" = {target};");
        var broken = await auditor.PostFormAsync("/Audit", new Dictionary<string, string>(), "/Audit?handler=Verify");
        var html = await broken.Content.ReadAsStringAsync();
        Assert.Contains("哈希链在第 " + target + " 条记录处断开", html);
    }
}

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

/// <summary>Rewrites links as a test needs them (lines aged or changed on purpose), with the portal's key.</summary>
internal static class AuditTestChain
{
    public static async Task<AuditKeyState> KeyAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Modular.Host.Data.HostDbContext>();
        return await scope.ServiceProvider.GetRequiredService<AuditChainKey>().ReadAsync(db, default);
    }

    /// <summary>Chains every line again (update trigger dropped first by the caller) and, unless told not to, seals the head on the last one.</summary>
    public static async Task RechainAsync(PortalFactory portal, byte[]? key, bool writeHead = true)
    {
        var all = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var previous = AuditChain.Genesis;
        await using var conn = await TestDatabase.OpenAsync(portal.ConnectionString);
        foreach (var e in all)
        {
            e.PreviousHash = previous;
            e.Hash = AuditChain.Compute(e, key);
            previous = e.Hash;
            await using var cmd = TestDatabase.Command(conn, "UPDATE \"AuditEntries\" SET \"PreviousHash\" = @p, \"Hash\" = @h WHERE \"Id\" = @id",
                ("@p", e.PreviousHash), ("@h", e.Hash), ("@id", e.Id));
            await cmd.ExecuteNonQueryAsync();
        }
        if (!writeHead || all.Count == 0) return;
        var head = new AuditCheckpoint { Id = AuditCheckpoint.HeadId, LastEntryId = all[^1].Id, Count = all.Count, LastHash = all[^1].Hash };
        head.Seal = AuditChain.Seal(head, key);
        await using var update = TestDatabase.Command(conn, "UPDATE \"AuditCheckpoints\" SET \"LastEntryId\" = @id, \"Count\" = @c, \"LastHash\" = @h, \"Seal\" = @s",
            ("@id", head.LastEntryId), ("@c", head.Count), ("@h", head.LastHash), ("@s", head.Seal));
        await update.ExecuteNonQueryAsync();
    }
}

/// <summary>What only someone with direct database access can do, in either dialect.</summary>
internal static class AuditSql
{
    public static string DropTrigger => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_entries_no_update;",
        postgres: "DROP TRIGGER audit_entries_no_update ON \"AuditEntries\";");

    public static string DropDeleteTrigger => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_entries_no_delete;",
        postgres: "DROP TRIGGER audit_entries_no_delete ON \"AuditEntries\";");

    public static string DropKeyTriggers => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_keys_no_update; DROP TRIGGER audit_keys_no_delete;",
        postgres: "DROP TRIGGER audit_keys_no_change ON \"AuditKeys\";");
}
