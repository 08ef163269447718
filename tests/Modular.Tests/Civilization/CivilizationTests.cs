using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using Modular.Tests.Volunteer;

namespace Modular.Tests.Civilization;

public sealed class CivilizationTests : IClassFixture<CivilizationTests.Portal>
{
    public sealed class Portal() : PortalFactory("civilization", "volunteer");

    private readonly Portal _portal;
    public CivilizationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Demo_data_gives_a_provincial_campaign_with_a_realistic_framework_in_mixed_progress()
    {
        var office = await _portal.SignedInAsync("office");
        var list = await office.GetStringAsync("/m/civilization");
        Assert.Contains("创建省级文明单位", list);
        var id = int.Parse(Regex.Match(list, @"/m/civilization/Campaigns/Details/(\d+)"">\d{4}年度创建省级文明单位").Groups[1].Value);
        var items = await _portal.ItemCountAsync(id);
        var categories = await _portal.CategoryCountAsync(id);
        Assert.InRange(items, 30, 60);
        Assert.InRange(categories, 6, 8);
        var statuses = await _portal.ItemStatusesAsync(id);
        Assert.True(statuses.Count >= 3, string.Join(",", statuses));
        var page = await office.GetStringAsync(Civilization.Campaign(id));
        Assert.Contains("<svg", page);
        Assert.Contains("思想道德建设", page);
        Assert.Matches("data-testid=\"points-met\">[1-9]", page);
        Assert.Matches("data-testid=\"overdue-count\"[^>]*>[1-9]", page);
        var dashboard = await office.GetStringAsync("/");
        Assert.Matches("^[0-9.]+ / [1-9][0-9.]*$", Html.Metric(dashboard, "文明创建", "创建达标得分"));
        Assert.Contains("市级文明单位（XX市精神文明建设委员会）", dashboard);
        var todo = await office.GetStringAsync("/Todo");
        Assert.Contains("审核佐证材料", todo);
        Assert.Contains("个测评事项已逾期", todo);
        // The demo accounts own open items too, so the owner's side can be tried at once.
        foreach (var who in new[] { "member", "secretary" })
        {
            var owner = await _portal.SignedInAsync(who);
            Assert.Contains("文明创建事项：", await owner.GetStringAsync("/Todo"));
            Assert.Matches("data-item-id=\"\\d+\"", await owner.GetStringAsync($"{Civilization.Campaign(id)}?show=mine"));
        }
        // A search that finds nothing says so, rather than that nothing was recorded.
        Assert.Contains("没有符合条件的创建活动", await office.GetStringAsync("/m/civilization?q=" + Uri.EscapeDataString("不存在的活动")));
        Assert.Contains("没有符合条件的荣誉称号", await office.GetStringAsync("/m/civilization/Honours?level=National"));
        // The menu marks the page's own item only, not the module's home item beside it.
        var practice = await office.GetStringAsync("/m/civilization/Practice");
        Assert.Equal("/m/civilization/Practice", Assert.Single(Regex.Matches(practice, "<a href=\"([^\"]*)\" class=\"active\"")).Groups[1].Value);
    }

    [Fact]
    public async Task The_template_imports_as_it_is_and_a_good_file_adds_its_categories_and_items_with_owners()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("导入测试活动");
        var template = await office.GetAsync("/m/civilization/api/framework-template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var imported = await office.ImportAsync(id, Civilization.Xlsx(await template.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("已导入 3 个测评事项", await office.GetStringAsync(imported.Headers.Location!.ToString()));

        var file = Civilization.Xlsx([
            Civilization.Row("诚信建设", "签订诚信承诺书", 2, "李晓梅", "2026-09-30"),
            Civilization.Row("组织领导", "每年听取2次汇报", 1.5),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ImportAsync(id, file)).StatusCode);
        Assert.Equal(5, await _portal.ItemCountAsync(id));
        // "组织领导" existed already: the new item joins it; "诚信建设" is new.
        Assert.Equal(3, await _portal.CategoryCountAsync(id));
        var owner = await _portal.MemberIdAsync("李晓梅");
        Assert.Equal(owner, await _portal.ItemOwnerAsync("签订诚信承诺书"));
        var api = await office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/m/civilization/api/campaigns/{id}");
        Assert.Equal(12.5m, api.GetProperty("possible").GetDecimal());
        Assert.Equal(0m, api.GetProperty("met").GetDecimal());
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_every_problem_by_row_and_column_and_imports_nothing()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("坏文件测试活动");
        var file = Civilization.Xlsx([
            Civilization.Row("组织领导", "好的一行", 2),
            Civilization.Row("", "没有类别", 2),
            Civilization.Row("组织领导", "分值不是数字", "两分"),
            Civilization.Row("组织领导", "分值为零", 0),
            Civilization.Row("组织领导", "查无此人", 1, "王不在"),
            Civilization.Row("组织领导", "日期错", 1, null, "明年六月"),
            Civilization.Row("组织领导", "好的一行", 2),
        ]);
        var response = await office.ImportAsync(id, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("未导入任何数据：请改正下列 6 处问题后重新导入。", html);
        Assert.Matches(@"<td[^>]*>3</td><td[^>]*>类别</td><td[^>]*>请填写类别。</td>", html);
        Assert.Matches(@"<td[^>]*>4</td><td[^>]*>分值</td><td[^>]*>分值应为数字", html);
        Assert.Matches(@"<td[^>]*>5</td><td[^>]*>分值</td><td[^>]*>分值应大于 0 且不超过 100。</td>", html);
        Assert.Matches(@"<td[^>]*>6</td><td[^>]*>责任人</td><td[^>]*>本单位没有名为“王不在”的党员。</td>", html);
        Assert.Matches(@"<td[^>]*>7</td><td[^>]*>完成时限</td><td[^>]*>日期格式应如 2026-06-30。</td>", html);
        Assert.Matches(@"<td[^>]*>8</td><td[^>]*>测评内容</td><td[^>]*>与第 2 行的测评内容重复", html);
        Assert.Equal(0, await _portal.ItemCountAsync(id));
        Assert.Equal(0, await _portal.CategoryCountAsync(id));

        var garbage = await office.ImportAsync(id, Civilization.Xlsx("not a workbook"u8.ToArray()));
        Assert.Contains("无法读取该文件", WebUtility.HtmlDecode(await garbage.Content.ReadAsStringAsync()));
        var wrongColumns = await office.ImportAsync(id, Civilization.Xlsx([new Dictionary<string, object?> { ["姓名"] = "张三" }]));
        Assert.Contains("缺少必需的列", WebUtility.HtmlDecode(await wrongColumns.Content.ReadAsStringAsync()));
        var none = await office.ImportAsync(id, Civilization.Xlsx(Array.Empty<byte>()), "空.xlsx");
        Assert.Contains("请选择要导入的 Excel 文件。", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));
        var text = await office.ImportAsync(id, Civilization.Xlsx("类别,测评内容"u8.ToArray()), "体系.csv");
        Assert.Contains("无法读取该文件", WebUtility.HtmlDecode(await text.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _portal.ItemCountAsync(id));
    }

    [Fact]
    public async Task The_owner_submits_evidence_the_reviewer_marks_it_and_the_score_rolls_up()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var secretary = await _portal.SignedInAsync("secretary");
        var owner = await _portal.MemberIdAsync("李晓梅");
        var id = await office.NewCampaignAsync("审核流程测试活动");
        var mine = await office.NewItemAsync(id, "开展道德讲堂活动", "4", "思想道德建设", owner, _portal.Today.AddDays(-1));
        var other = await office.NewItemAsync(id, "建设职工书屋", "6", "文化建设");

        // Overdue and not submitted: in the owner's to-do list.
        Assert.Contains("文明创建事项：开展道德讲堂活动", await member.GetStringAsync("/Todo"));
        // Only the owner (or the office) submits; nobody but the office reviews.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.SubmitEvidenceAsync(mine, "不是我的事项")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.SubmitEvidenceAsync(other, "不是我的事项")).StatusCode);

        var empty = await member.SubmitEvidenceAsync(mine, " ");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请说明佐证情况", await empty.Content.ReadAsStringAsync());
        var badFile = await member.SubmitEvidenceAsync(mine, "已开展两期道德讲堂", ("程序.exe", AttachmentTests.Png));
        Assert.Equal(HttpStatusCode.OK, badFile.StatusCode);
        Assert.Contains("已开展两期道德讲堂", await badFile.Content.ReadAsStringAsync()); // the text is kept
        Assert.Equal(0, await _portal.EvidenceCountAsync(mine));

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitEvidenceAsync(mine, "已开展两期道德讲堂，附签到表。", ("签到表.png", AttachmentTests.Png))).StatusCode);
        var page = await member.GetStringAsync(Civilization.Item(mine));
        Assert.Contains("data-testid=\"awaiting\"", page);
        Assert.Contains("签到表.png", page);
        var fileId = Regex.Match(page, $@"/m/civilization/api/items/{mine}/files/(\d+)").Groups[1].Value;
        Assert.Equal(AttachmentTests.Png, await office.GetByteArrayAsync($"/m/civilization/api/items/{mine}/files/{fileId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/civilization/api/items/{other}/files/{fileId}")).StatusCode);
        Assert.DoesNotContain("文明创建事项：开展道德讲堂活动", await member.GetStringAsync("/Todo")); // waiting for review now
        // A second entry's file is taken back by its owner; nobody else can, and the first file stays.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitEvidenceAsync(mine, "补充照片。", ("照片.png", AttachmentTests.Png))).StatusCode);
        var second = Regex.Matches(await member.GetStringAsync(Civilization.Item(mine)), $@"/m/civilization/api/items/{mine}/files/(\d+)").Select(m => m.Groups[1].Value).First(f => f != fileId);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostFormAsync(Civilization.Item(mine), new Dictionary<string, string>(), $"{Civilization.Item(mine)}?handler=RemoveFile&file={second}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync(Civilization.Item(mine), new Dictionary<string, string>(), $"{Civilization.Item(other)}?handler=RemoveFile&file={second}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(Civilization.Item(mine), new Dictionary<string, string>(), $"{Civilization.Item(mine)}?handler=RemoveFile&file={second}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/civilization/api/items/{mine}/files/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/m/civilization/api/items/{mine}/files/{fileId}")).StatusCode);
        Assert.Contains("审核佐证材料：开展道德讲堂活动", await office.GetStringAsync("/Todo"));

        Assert.Equal(HttpStatusCode.NotFound, (await member.ReviewAsync(mine, "Met", "")).StatusCode);
        var noReason = await office.ReviewAsync(mine, "NotMet", "");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请写明欠缺的内容", await noReason.Content.ReadAsStringAsync());
        var stale = await office.ReviewAsync(mine, "Met", "好", version: 0);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.ReviewAsync(mine, "Met", "材料齐全。")).StatusCode);

        var api = await office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/m/civilization/api/campaigns/{id}");
        Assert.Equal(10m, api.GetProperty("possible").GetDecimal());
        Assert.Equal(4m, api.GetProperty("met").GetDecimal());
        Assert.Equal(40m, api.GetProperty("percent").GetDecimal());
        Assert.Equal(0, api.GetProperty("overdue").GetInt32());
        Assert.Equal(0, api.GetProperty("awaitingReview").GetInt32());
        Assert.DoesNotContain("审核佐证材料：开展道德讲堂活动", await office.GetStringAsync("/Todo"));
        Assert.Equal("已达标", Html.Text(await member.GetStringAsync(Civilization.Item(mine)), "[data-testid=item-status]"));
        // The host audits the review through the module's DbContext, by the reviewer.
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "update" && e.Target.EndsWith($"CriteriaItem#{mine}")).Select(e => e.UserName).ToListAsync()), u => u == "office");

        // The export carries the status of every item and the evidence list with its file names.
        var export = await office.GetAsync($"/m/civilization/api/campaigns/{id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(["得分汇总", "测评事项", "佐证材料"], sheets);
        var status = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "测评事项").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, status.Count);
        Assert.Equal("已达标", status.Single(r => (string)r["测评内容"] == "开展道德讲堂活动")["状态"]);
        var evidence = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "佐证材料").Cast<IDictionary<string, object>>().Single(r => (string)r["佐证说明"] != "补充照片。");
        Assert.Equal("签到表.png", evidence["附件"]);
        Assert.Equal("李晓梅", evidence["提交人"]);
    }

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var office = await _portal.SignedInAsync("office");
        var before = await _portal.CampaignCountAsync();
        var response = await office.PostFormAsync("/m/civilization/Campaigns/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.TitleLevel"] = "Other", ["Input.TitleName"] = "", ["Input.Year"] = "1999", ["Input.Status"] = "InProgress", ["Input.Version"] = "0",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写创建活动名称。", html);
        Assert.Contains("请填写创建目标称号。", html);
        Assert.Contains("请填写 2000 至 2100 之间的年份。", html);
        Assert.Equal(before, await _portal.CampaignCountAsync());

        var id = await office.NewCampaignAsync("表单测试活动");
        var url = $"/m/civilization/Items/Edit?campaignId={id}";
        var item = await office.PostFormAsync(url, new Dictionary<string, string>
        {
            ["CampaignId"] = id.ToString(), ["Input.Text"] = "测评内容保留", ["Input.Points"] = "abc", ["Input.DueDate"] = "not-a-date", ["Input.Version"] = "0",
        }, url);
        html = await item.Content.ReadAsStringAsync();
        Assert.Contains("请选择类别，或填写新的类别。", html);
        Assert.Contains("分值应为数字", html);
        Assert.Contains("日期格式应如 2026-06-30。", html);
        Assert.Contains("测评内容保留", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.Equal(0, await _portal.ItemCountAsync(id));

        var honour = await office.PostFormAsync("/m/civilization/Honours/Edit", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Year"] = "x", ["Input.Level"] = "Municipal", ["Input.IssuingBody"] = "", ["Input.Version"] = "0" });
        html = await honour.Content.ReadAsStringAsync();
        Assert.Contains("请填写荣誉称号。", html);
        Assert.Contains("请填写授予机关。", html);
        Assert.Contains("请填写 2000 至 2100 之间的年份。", html);
        var practice = await office.PostFormAsync("/m/civilization/Practice/Edit", new Dictionary<string, string> { ["Input.Kind"] = "PolicyTalk", ["Input.Title"] = "", ["Input.Date"] = "", ["Input.Participants"] = "很多", ["Input.Version"] = "0" });
        html = await practice.Content.ReadAsStringAsync();
        Assert.Contains("请填写活动名称，或关联一项志愿服务活动。", html);
        Assert.Contains("请填写日期", html);
        Assert.Contains("请填写人数（整数）", html);
    }

    [Fact]
    public async Task Lists_search_filter_and_sort_on_the_server()
    {
        var office = await _portal.SignedInAsync("office");
        var awarded = await office.NewCampaignAsync("筛选测试：已命名的活动", status: "Awarded", year: 2024);
        var byStatus = await office.GetStringAsync("/m/civilization?status=Awarded");
        Assert.Contains("筛选测试：已命名的活动", byStatus);
        Assert.DoesNotContain("创建省级文明单位", byStatus);
        Assert.DoesNotContain("筛选测试：已命名的活动", await office.GetStringAsync($"/m/civilization?year={_portal.Today.Year}"));
        // The campaign in the list's rows (the search box echoes the words always).
        Assert.Equal(["筛选测试：已命名的活动"], Html.Texts(await office.GetStringAsync("/m/civilization?q=筛选测试"), "[data-testid=campaigns] tbody td:first-child"));
        var byYear = await office.GetStringAsync("/m/civilization?sort=year");
        Assert.True(byYear.IndexOf("筛选测试：已命名的活动", StringComparison.Ordinal) < byYear.IndexOf("创建省级文明单位", StringComparison.Ordinal));

        var demo = await _portal.FirstCampaignAsync();
        var overdue = await office.GetStringAsync($"{Civilization.Campaign(demo)}?show=overdue");
        var overdueRows = Regex.Matches(overdue, "data-item-id=").Count;
        Assert.Equal(int.Parse(Regex.Match(overdue, "data-testid=\"overdue-count\"[^>]*>(\\d+)").Groups[1].Value), overdueRows);
        var category = Regex.Match(overdue, @"\?category=(\d+)(?:#items)?"">诚信建设").Groups[1].Value;
        var inCategory = await office.GetStringAsync($"{Civilization.Campaign(demo)}?category={category}");
        Assert.Equal(5, Regex.Matches(inCategory, "data-item-id=").Count);
        Assert.DoesNotContain("成立由主要负责同志任组长", inCategory);
        var met = await office.GetStringAsync($"{Civilization.Campaign(demo)}?status=Met&sort=-points");
        Assert.DoesNotContain(">未开始<", met.Split("data-testid=\"items\"")[1]);
        var practice = await office.GetStringAsync("/m/civilization/Practice?kind=CulturalEvent");
        Assert.Contains("全民阅读分享会", practice);
        Assert.DoesNotContain("党的创新理论进社区宣讲", practice);
        // An awarded campaign offers to record its title as an honour, filled in from the campaign.
        var awardedPage = await office.GetStringAsync(Civilization.Campaign(awarded));
        Assert.Contains($"/m/civilization/Honours/Edit?fromCampaign={awarded}", awardedPage);
        var honourForm = await office.GetStringAsync($"/m/civilization/Honours/Edit?fromCampaign={awarded}");
        Assert.Contains("value=\"市级文明单位\"", honourForm);
        Assert.Contains("value=\"2024\"", honourForm);
        Assert.Matches($"<option value=\"{awarded}\" selected=\"selected\">", honourForm);
        Assert.DoesNotContain("/m/civilization/Honours/Edit?fromCampaign=", await office.GetStringAsync(Civilization.Campaign(demo)));
        var honours = await office.GetStringAsync("/m/civilization/Honours?q=志愿服务");
        Assert.Contains("学雷锋志愿服务优秀组织", honours);
        Assert.DoesNotContain("复查确认", honours);
    }

    [Fact]
    public async Task Members_see_and_submit_but_only_the_Party_office_manages()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var id = await office.NewCampaignAsync("权限测试活动");
        var item = await office.NewItemAsync(id, "权限测试事项");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Civilization.Campaign(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/m/civilization/Practice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/m/civilization/api/campaigns/{id}/export.xlsx")).StatusCode);
        var page = await member.GetStringAsync(Civilization.Campaign(id));
        Assert.DoesNotContain("/m/civilization/Campaigns/Import/", page);
        Assert.DoesNotContain("/m/civilization/Items/Edit", page);
        foreach (var path in new[] { "/m/civilization/Campaigns/Edit", $"/m/civilization/Campaigns/Edit?id={id}", $"/m/civilization/Campaigns/Import/{id}",
                     $"/m/civilization/Items/Edit?campaignId={id}", $"/m/civilization/Items/Edit?id={item}", "/m/civilization/Practice/Edit", "/m/civilization/Honours/Edit",
                     "/m/civilization/api/framework-template.xlsx" })
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(path)).StatusCode);
        var token = await member.TokenAsync(Civilization.Item(item));
        var post = await member.PostAsync("/m/civilization/Campaigns/Edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "越权", ["Input.Year"] = "2026" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await _portal.CampaignCountAsync("越权"));
    }

    [Fact]
    public async Task A_volunteer_activity_is_linked_once_and_shows_as_plain_text_while_the_volunteer_module_is_off()
    {
        var office = await _portal.SignedInAsync("office");
        var start = _portal.LocalNow.Date.AddDays(-3).AddHours(9);
        var volunteerId = await office.CreateAsync(Volunteer.Volunteer.Form(await _portal.MemberIdAsync("王建华"), _portal.LocalNow.Date.AddDays(1).AddHours(9), title: "文明实践志愿服务进社区"));
        await _portal.MoveActivityAsync(volunteerId, start, start.AddHours(3), start.AddHours(-2));

        var edit = await office.GetStringAsync("/m/civilization/Practice/Edit");
        Assert.Contains("data-testid=\"link-picker\"", edit);
        Assert.Contains("文明实践志愿服务进社区", edit);
        // Enter once: an empty title, date and place come from the linked activity.
        var saved = await office.PostFormAsync("/m/civilization/Practice/Edit", new Dictionary<string, string>
        {
            ["Input.LinkShown"] = "true", ["Input.LinkId"] = volunteerId.ToString(), ["Input.Kind"] = "VolunteerService", ["Input.Title"] = "", ["Input.Date"] = "", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var practice = await _portal.PracticeLinkedToAsync(volunteerId);
        Assert.Equal(("文明实践志愿服务进社区", "volunteer.activity", volunteerId.ToString(), "文化路社区党群服务中心"), (practice.Title, practice.LinkedKind, practice.LinkedId, practice.Place));
        var practiceId = practice.Id;
        var list = await office.GetStringAsync("/m/civilization/Practice");
        Assert.Contains($"href=\"/m/volunteer/Activities/Details/{volunteerId}\"", list);
        // An id the source does not offer is refused next to the picker.
        var wrong = await office.PostFormAsync("/m/civilization/Practice/Edit", new Dictionary<string, string>
            { ["Input.LinkShown"] = "true", ["Input.LinkId"] = "999999", ["Input.Kind"] = "VolunteerService", ["Input.Title"] = "x", ["Input.Date"] = "2026-05-01", ["Input.Version"] = "0" });
        Assert.Contains("请从列表中选择要关联的记录。", await wrong.Content.ReadAsStringAsync());

        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ModuleToggle(office, "volunteer", false)).StatusCode);
            list = await office.GetStringAsync("/m/civilization/Practice");
            Assert.DoesNotContain("/m/volunteer/Activities/Details/", list);
            Assert.Contains("已关联：文明实践志愿服务进社区", list);
            var editOff = await office.GetStringAsync($"/m/civilization/Practice/Edit?id={practiceId}");
            Assert.DoesNotContain("data-testid=\"link-picker\"", editOff);
            Assert.Contains("data-testid=\"linked-snapshot\"", editOff);
            // Saving while the picker is gone keeps the link.
            var version = Regex.Match(editOff, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
            var resaved = await office.PostFormAsync($"/m/civilization/Practice/Edit?id={practiceId}", new Dictionary<string, string>
                { ["Input.Kind"] = "VolunteerService", ["Input.Title"] = "文明实践志愿服务进社区", ["Input.Date"] = start.ToString("yyyy-MM-dd"), ["Input.Participants"] = "12", ["Input.Version"] = version },
                $"/m/civilization/Practice/Edit?id={practiceId}");
            Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
            Assert.Equal(volunteerId.ToString(), (await _portal.PracticeAsync(practiceId)).LinkedId);
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/civilization/api/practice")).StatusCode);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ModuleToggle(office, "volunteer", true)).StatusCode);
        }
        Assert.Contains($"href=\"/m/volunteer/Activities/Details/{volunteerId}\"", await office.GetStringAsync("/m/civilization/Practice"));

        // The source stops offering the activity (cancelled): the stored link stays selected and survives a save.
        await _portal.SetActivityStatusAsync(volunteerId, Modular.Modules.Volunteer.Domain.ActivityStatus.Cancelled);
        var editGone = await office.GetStringAsync($"/m/civilization/Practice/Edit?id={practiceId}");
        Assert.Matches($"<option value=\"volunteer.activity:{volunteerId}\" selected=\"selected\">[^<]*文明实践志愿服务进社区", editGone);
        var v = Regex.Match(editGone, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var kept = await office.PostFormAsync($"/m/civilization/Practice/Edit?id={practiceId}", new Dictionary<string, string>
            { ["Input.LinkShown"] = "true", ["Input.LinkId"] = volunteerId.ToString(), ["Input.Kind"] = "VolunteerService", ["Input.Title"] = "文明实践志愿服务进社区", ["Input.Date"] = start.ToString("yyyy-MM-dd"), ["Input.Version"] = v },
            $"/m/civilization/Practice/Edit?id={practiceId}");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var linked = await _portal.PracticeAsync(practiceId);
        Assert.Equal((volunteerId.ToString(), "文明实践志愿服务进社区"), (linked.LinkedId, linked.LinkedTitle));
        Assert.Contains("已关联：文明实践志愿服务进社区", await office.GetStringAsync("/m/civilization/Practice"));
    }

    [Fact]
    public async Task Shared_records_answer_only_for_sources_that_are_on_and_permitted_and_a_failing_source_answers_nothing()
    {
        var gate = _portal.Services.GetRequiredService<Modular.Host.Tenancy.ModuleGate>();
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<Modular.Host.Shell.Dashboard.SharedRecordService>.Instance;
        var agency = new Modular.Sdk.Testing.FakeAgency(await _portal.DemoAgencyIdAsync());
        var on = new FakeSource("volunteer", "volunteer.fake", fail: false);
        var failing = new FakeSource("volunteer", "volunteer.failing", fail: true);
        var notRunning = new FakeSource("org-life", "org-life.meeting", fail: false);
        var guarded = new FakeSource("volunteer", "volunteer.guarded", fail: false, permission: "volunteer.secret");
        var shared = new Modular.Host.Shell.Dashboard.SharedRecordService([on, failing, notRunning, guarded], gate, agency, new Modular.Sdk.Testing.FakePermissions().Grant("volunteer.view"), logger);
        Assert.Equal(["volunteer.fake", "volunteer.failing"], shared.AvailableKinds().Select(k => k.Kind));
        Assert.Single(await shared.SearchAsync("volunteer.fake", new Modular.Sdk.SharedRecordQuery()));
        Assert.Equal(["1"], (await shared.GetAsync("volunteer.fake", ["1", "2"])).Keys);
        Assert.Empty(await shared.SearchAsync("volunteer.failing", new Modular.Sdk.SharedRecordQuery()));
        Assert.Empty(await shared.GetAsync("volunteer.failing", ["1"]));
        Assert.Empty(await shared.SearchAsync("org-life.meeting", new Modular.Sdk.SharedRecordQuery()));
        Assert.Empty(await shared.SearchAsync("volunteer.guarded", new Modular.Sdk.SharedRecordQuery()));
        Assert.Equal(0, notRunning.Calls + guarded.Calls);
        // Outside any agency nothing is on.
        var none = new Modular.Host.Shell.Dashboard.SharedRecordService([on], gate, new Modular.Sdk.Testing.FakeAgency(null), new Modular.Sdk.Testing.FakePermissions().Grant("volunteer.view"), logger);
        Assert.Empty(none.AvailableKinds());
    }

    private sealed class FakeSource(string moduleId, string kind, bool fail, string? permission = null) : Modular.Sdk.ISharedRecordSource
    {
        public int Calls { get; private set; }
        public string ModuleId => moduleId;
        public string Kind => kind;
        public Modular.Sdk.LocalizedText Name => "测试";
        public string? Permission => permission;

        public Task<IReadOnlyList<Modular.Sdk.SharedRecord>> SearchAsync(Modular.Sdk.SharedRecordQuery query, CancellationToken cancellationToken)
        {
            Calls++;
            if (fail) throw new InvalidOperationException("source down");
            return Task.FromResult<IReadOnlyList<Modular.Sdk.SharedRecord>>([new(kind, "1", "活动", new DateOnly(2026, 5, 1))]);
        }

        public Task<IReadOnlyList<Modular.Sdk.SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            Calls++;
            if (fail) throw new InvalidOperationException("source down");
            // Answers an id it was not asked for too: the host keeps only those asked.
            return Task.FromResult<IReadOnlyList<Modular.Sdk.SharedRecord>>([new(kind, "1", "活动", new DateOnly(2026, 5, 1)), new(kind, "9", "别的", new DateOnly(2026, 5, 1))]);
        }
    }

    private static Task<HttpResponseMessage> ModuleToggle(HttpClient client, string moduleId, bool enable) =>
        client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = enable ? "true" : "false" }, $"/Agency/Modules?handler=Toggle&moduleId={moduleId}");
}
