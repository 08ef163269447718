using System.Net;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>Another agency's people, with every role, see nothing of this agency's supervision records and change nothing.</summary>
public sealed class SupervisionIsolationTests(SupervisionIsolationTests.Portal portal) : IClassFixture<SupervisionIsolationTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("supervision") => Settings["Modular:JobSeconds"] = "0";
    }

    [Fact]
    public async Task Pages_and_API_of_another_agency_answer_404_and_lists_hold_only_the_own_agency()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var task = await portal.FirstOfAgencyAsync("sup_task", demo);
        var prompt = await portal.FirstOfAgencyAsync("sup_prompt", demo);
        var ledger = await portal.FirstOfAgencyAsync("sup_ledger", demo);
        var item = await portal.FirstOfAgencyAsync("sup_ledger_item", demo);
        var title = await portal.TextAsync("SELECT \"Title\" FROM sup_task WHERE \"Id\" = @id", ("id", task));

        await portal.CreateAgencyAsync("GLCS", "glcs", $"{Roles.AgencyAdmin},{Roles.Member}", "supervision");
        var other = await portal.SignedInAsync("glcs");
        foreach (var url in new[]
        {
            $"/m/supervision/Tasks/Details/{task}", $"/m/supervision/Tasks/Edit/{task}", $"/m/supervision/Prompts/Details/{prompt}",
            $"/m/supervision/Ledgers/Details/{ledger}", $"/m/supervision/Ledgers/Edit/{ledger}", $"/m/supervision/Ledgers/Item/{item}",
            $"/m/supervision/Ledgers/Details/{ledger}?handler=Excel", $"/m/supervision/Ledgers/Details/{ledger}?handler=Word",
            $"/m/supervision/api/items/{item}/files/1",
        })
        {
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var version = await portal.TaskVersionAsync(task);
        foreach (var handler in new[] { "Report", "Check", "Close" })
        {
            var post = await other.PostFormAsync("/m/supervision", new Dictionary<string, string> { ["Note"] = "越权操作", ["Version"] = version.ToString() },
                $"/m/supervision/Tasks/Details/{task}?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Equal(version, await portal.TaskVersionAsync(task));
        var edit = await other.PostFormAsync("/m/supervision/Tasks/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "被篡改", ["Input.Deadline"] = $"{portal.Today.Year}-12-31", ["Input.Version"] = version.ToString(),
        }, $"/m/supervision/Tasks/Edit/{task}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(title, await portal.TextAsync("SELECT \"Title\" FROM sup_task WHERE \"Id\" = @id", ("id", task)));

        Assert.Equal("[]", await other.GetStringAsync("/m/supervision/api/tasks"));
        foreach (var url in new[] { "/m/supervision?show=all", "/m/supervision/Prompts", "/m/supervision/Ledgers", "/m/supervision/Ledgers/Items?show=all" })
        {
            var html = await other.GetStringAsync(url);
            Assert.DoesNotContain(title, html);
            Assert.DoesNotContain("巡察反馈机关党建问题整改", html);
            Assert.DoesNotContain("机关党建工作提示", html);
        }
    }
}
