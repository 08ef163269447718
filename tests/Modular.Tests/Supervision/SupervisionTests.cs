using System.Net;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>The task list, prompts, record-proved tasks and rectification ledgers through the pages, as the office and an owner use them.</summary>
public sealed class SupervisionTests(SupervisionTests.Portal portal) : IClassFixture<SupervisionTests.Portal>
{
    public sealed class Portal() : PortalFactory("supervision", "integrity", "org-life");

    [Fact]
    public async Task The_office_prompts_a_task_its_owner_reports_and_the_office_checks_and_closes_it_each_step_dated()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var branch = await portal.BranchIdAsync("第一党支部");
        var office = await portal.SignedInAsync("office");
        var task = await office.CreateTaskAsync(portal, "落实“三会一课”制度（流程测试）", branch, portal.Today.AddDays(20));

        var prompt = await Supervision.IdFromRedirectAsync(await office.PostFormAsync("/m/supervision/Prompts/Edit", new Dictionary<string, string>
        {
            ["Input.Month"] = $"{portal.Today:yyyy-MM}", ["Input.Title"] = "本月工作提示（流程测试）", ["Input.Body"] = "请落实三会一课。",
            ["Input.AnswerBy"] = Supervision.D(portal.Today.AddDays(5)), ["Input.Targets"] = branch.ToString(), ["Input.TaskIds"] = task.ToString(),
        }));
        Assert.Equal([0], await portal.StepKindsAsync(task));
        Assert.Equal(1, await portal.NoticeCountAsync(agency, "月提示：本月工作提示（流程测试）", "supervision"));

        // The branch's secretary owns the task through the branch: reports progress and answers the prompt.
        var secretary = await portal.SignedInAsync("secretary");
        Assert.Contains("落实“三会一课”制度（流程测试）", await secretary.GetStringAsync("/m/supervision"));
        var empty = await secretary.StepAsync(portal, task, "Report", "");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写工作进展。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.StepAsync(portal, task, "Report", "已召开支委会部署。")).StatusCode);
        Assert.Contains("回复月提示：本月工作提示（流程测试）", await secretary.GetStringAsync("/Todo"));
        var target = await portal.IntAsync("SELECT \"Id\" FROM sup_prompt_target WHERE \"PromptId\" = @p", ("p", prompt));
        var answer = await secretary.PostFormAsync($"/m/supervision/Prompts/Details/{prompt}", new Dictionary<string, string>
        {
            ["TargetId"] = target.ToString(), ["Answer"] = "已落实。", ["Version"] = "1",
        }, $"/m/supervision/Prompts/Details/{prompt}?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.DoesNotContain("回复月提示：本月工作提示（流程测试）", await secretary.GetStringAsync("/Todo"));
        // Only the office checks and closes; a member who owns nothing does not even see the task.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.StepAsync(portal, task, "Close", "")).StatusCode);
        var member = await portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/supervision/Tasks/Details/{task}")).StatusCode);

        // Not late: no escalation (督办) yet.
        var escalate = await office.StepAsync(portal, task, "Escalate", "请加快进度。");
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        Assert.Contains("只有逾期任务才能督办", await escalate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.StepAsync(portal, task, "Check", "已查阅会议记录。")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.StepAsync(portal, task, "Close", "")).StatusCode);
        Assert.Equal(1, await portal.TaskStatusAsync(task));
        Assert.Equal([0, 1, 2, 4], await portal.StepKindsAsync(task));
        Assert.Contains("已完成", await office.GetStringAsync($"/m/supervision/Tasks/Details/{task}"));
    }

    [Fact]
    public async Task A_late_task_is_escalated_and_its_owner_told()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var office = await portal.SignedInAsync("office");
        var owner = await portal.MemberIdAsync("张国强");
        var task = await office.CreateTaskAsync(portal, "报送半年意识形态分析（逾期测试）", null, new DateOnly(portal.Today.Year, 1, 31),
            new() { ["Input.OwnerMemberId"] = owner.ToString() });
        Assert.Contains("报送半年意识形态分析（逾期测试）", await office.GetStringAsync("/m/supervision?show=overdue"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.StepAsync(portal, task, "Escalate", "请一周内报送。")).StatusCode);
        Assert.Equal([3], await portal.StepKindsAsync(task));
        Assert.Equal(1, await portal.NoticeCountAsync(agency, "督办：报送半年意识形态分析（逾期测试）", "supervision"));
    }

    [Fact]
    public async Task A_task_closes_itself_when_the_records_it_names_appear_and_not_before()
    {
        var office = await portal.SignedInAsync("office");
        var owner = await portal.MemberIdAsync("王建华");
        Dictionary<string, string> Proof(int count) => new()
        {
            ["Input.OwnerMemberId"] = owner.ToString(), ["Input.ProofKind"] = SharedRecordKinds.IntegrityWarningEducation, ["Input.ProofCount"] = count.ToString(),
            ["Input.ProofFrom"] = $"{portal.Today.Year}-01-01",
        };
        // The demo agency held one warning-education session this year (integrity's demo data).
        var once = await office.CreateTaskAsync(portal, "开展一次警示教育（记录证明测试）", null, new DateOnly(portal.Today.Year, 12, 31), Proof(1));
        var many = await office.CreateTaskAsync(portal, "开展五十次警示教育（记录证明测试）", null, new DateOnly(portal.Today.Year, 12, 31), Proof(50));
        var page = await office.GetAsync($"/m/supervision/Tasks/Details/{once}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(1, await portal.TaskStatusAsync(once));
        Assert.Equal([6], await portal.StepKindsAsync(once));
        Assert.Contains("参观市廉政教育基地", await office.GetStringAsync($"/m/supervision/Tasks/Details/{once}"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/m/supervision/Tasks/Details/{many}")).StatusCode);
        await office.GetStringAsync("/m/supervision");
        Assert.Equal(0, await portal.TaskStatusAsync(many));
        // A kind no module offers is refused next to its field.
        var bad = await office.PostFormAsync("/m/supervision/Tasks/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "错误类型", ["Input.Deadline"] = $"{portal.Today.Year}-12-31", ["Input.OwnerMemberId"] = owner.ToString(), ["Input.Version"] = "0",
            ["Input.ProofKind"] = "nobody.offers-this", ["Input.ProofCount"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请从列表中选择记录类型。", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_ledger_item_is_closed_by_its_owner_with_a_note_and_the_ledger_exports()
    {
        var branch = await portal.BranchIdAsync("第一党支部");
        var office = await portal.SignedInAsync("office");
        var ledger = await Supervision.IdFromRedirectAsync(await office.PostFormAsync("/m/supervision/Ledgers/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "专项检查整改（台账测试）", ["Input.Source"] = "机关党委专项检查", ["Input.ReceivedOn"] = Supervision.D(portal.Today), ["Input.Version"] = "0",
        }));
        var before = await office.PostFormAsync($"/m/supervision/Ledgers/Details/{ledger}", new Dictionary<string, string>
        {
            ["Input.Problem"] = "会议记录缺签到表", ["Input.Measures"] = "补齐签到表", ["Input.OwnerOrganizationId"] = branch.ToString(),
            ["Input.Deadline"] = Supervision.D(portal.Today.AddDays(-1)),
        }, $"/m/supervision/Ledgers/Details/{ledger}?handler=Add");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("完成时限不能早于收到反馈的日期。", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/supervision/Ledgers/Details/{ledger}", new Dictionary<string, string>
        {
            ["Input.Problem"] = "会议记录缺签到表", ["Input.Measures"] = "补齐签到表", ["Input.OwnerOrganizationId"] = branch.ToString(),
            ["Input.Deadline"] = Supervision.D(portal.Today.AddDays(10)),
        }, $"/m/supervision/Ledgers/Details/{ledger}?handler=Add")).StatusCode);
        var item = await portal.IntAsync("SELECT \"Id\" FROM sup_ledger_item WHERE \"LedgerId\" = @l", ("l", ledger));

        var secretary = await portal.SignedInAsync("secretary");
        Assert.Contains("会议记录缺签到表", await secretary.GetStringAsync("/m/supervision/Ledgers/Items"));
        // The ledger itself is the office's.
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync($"/m/supervision/Ledgers/Details/{ledger}")).StatusCode);
        var close = await secretary.PostFormAsync($"/m/supervision/Ledgers/Item/{item}", new Dictionary<string, string> { ["Note"] = "已补齐签到表。", ["Version"] = "1" },
            $"/m/supervision/Ledgers/Item/{item}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(1, await portal.IntAsync("SELECT \"Status\" FROM sup_ledger_item WHERE \"Id\" = @i", ("i", item)));

        var xlsx = await office.GetAsync($"/m/supervision/Ledgers/Details/{ledger}?handler=Excel");
        Assert.Equal(OfficeFiles.ExcelContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r.Values.Contains("会议记录缺签到表") && r.Values.Contains("已补齐签到表。"));
        var docx = await office.GetAsync($"/m/supervision/Ledgers/Details/{ledger}?handler=Word");
        Assert.Equal(OfficeFiles.WordContentType, docx.Content.Headers.ContentType?.MediaType);
    }
}
