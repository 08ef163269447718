using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Backups;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Backups;

/// <summary>The platform's Backups page and the dashboard's warning about a failed backup.</summary>
public sealed class BackupPageTests : IDisposable
{
    private readonly string _folder = PortalFactory.NewWorkDir();
    private readonly PortalFactory _portal;

    public BackupPageTests() => _portal = new PortalFactory { Settings = { ["Modular:Backup:Folder"] = _folder, ["Modular:Backup:Keep"] = "3" } };

    [Fact]
    public async Task The_platform_administrator_backs_up_now_and_sees_it_listed_and_audited()
    {
        var admin = await _portal.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/Platform/Backups");
        Assert.Contains("<h1>备份</h1>", page);
        if (TestDatabase.IsPostgreSql)
        {
            Assert.Contains("pg_dump", page);
            Assert.DoesNotContain("data-testid=\"run-backup\"", page);
            Assert.Contains("pg_dump", await admin.GetStringAsync("/Platform/Status"));
            return;
        }
        Assert.Contains("还没有备份", page);
        var run = await admin.PostFormAsync("/Platform/Backups", new Dictionary<string, string>(), "/Platform/Backups?handler=Run");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        page = await admin.GetStringAsync("/Platform/Backups");
        Assert.Contains("data-testid=\"notice\"", page);
        Assert.Contains("成功", page);
        var file = Assert.Single(Directory.GetFiles(_folder, "modular-*.zip"));
        Assert.Contains(Path.GetFileName(file), page);
        Assert.Equal(["admin"], await _portal.QueryAsync("SELECT \"UserName\" FROM \"AuditEntries\" WHERE \"Action\" = 'backup.created'"));
        // The platform's status page shows it as the last backup, with the schedule.
        var status = await admin.GetStringAsync("/Platform/Status");
        var section = status[status.IndexOf("data-testid=\"backup\"", StringComparison.Ordinal)..];
        Assert.Contains("status-good", section[..600]);
        Assert.Contains("每天 02:30，保留 3 份", section);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("member")]
    public async Task Nobody_else_opens_the_page_or_backs_up(string user)
    {
        var client = await _portal.SignedInAsync(user);
        Assert.Contains("/Account/AccessDenied", (await client.GetAsync("/Platform/Backups")).Headers.Location?.ToString() ?? "");
        // A post with a valid token of another page is refused too, and writes nothing.
        var post = await client.PostFormAsync("/", new Dictionary<string, string>(), "/Platform/Backups?handler=Run");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(Directory.GetFiles(_folder, "modular-*.zip"));
        Assert.DoesNotContain("/Platform/Backups", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_failed_last_backup_shows_on_the_platform_administrators_dashboard_only()
    {
        var history = _portal.Services.GetRequiredService<BackupHistory>();
        var admin = await _portal.SignedInAsync("admin");
        Assert.DoesNotContain("backup-failed", await admin.GetStringAsync("/"));
        var at = _portal.Clock.GetUtcNow();
        await history.AddAsync(new BackupRecord { File = "modular-x.zip", StartedAt = at, FinishedAt = at, Success = false, Error = "磁盘空间不足（测试）", By = BackupService.ScheduleUser },
            3, _portal.Clock);
        var dashboard = await admin.GetStringAsync("/");
        Assert.Contains("data-testid=\"backup-failed\"", dashboard);
        Assert.Contains("最近一次备份失败", dashboard);
        Assert.Contains("磁盘空间不足（测试）", dashboard);
        var office = await _portal.SignedInAsync("office");
        Assert.DoesNotContain("backup-failed", await office.GetStringAsync("/"));
        // The page lists it with its reason.
        var page = await admin.GetStringAsync("/Platform/Backups");
        Assert.Contains("失败", page);
        Assert.Contains("磁盘空间不足（测试）", page);
    }

    public void Dispose()
    {
        _portal.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
