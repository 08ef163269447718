using System.Net;
using System.Net.Http.Json;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

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

    [Fact]
    public async Task Silly_dates_in_the_audit_search_do_not_break_the_page()
    {
        var auditor = await _portal.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?to=9999-12-31&from=0001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?to=not-a-date&agency=abc")).StatusCode);
    }
}
