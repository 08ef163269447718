using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

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
