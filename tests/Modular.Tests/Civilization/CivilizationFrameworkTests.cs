using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Civilization;

/// <summary>The office keeps a campaign's categories (rename, order, remove) and moves items between them; the order shows everywhere.</summary>
public sealed class CivilizationFrameworkTests : IClassFixture<CivilizationFrameworkTests.Portal>
{
    public sealed class Portal() : PortalFactory("civilization");

    private readonly Portal _portal;
    public CivilizationFrameworkTests(Portal portal) => _portal = portal;

    private static string Categories(int campaignId) => $"/m/civilization/Categories/{campaignId}";
    private static string EditCategory(int id) => $"/m/civilization/Categories/Edit/{id}";

    private async Task<HttpResponseMessage> MoveAsync(HttpClient client, int campaignId, int categoryId, string direction, long? version = null) =>
        await client.PostFormAsync(Categories(campaignId), new Dictionary<string, string>
        {
            ["category"] = categoryId.ToString(), ["direction"] = direction, ["version"] = (version ?? await _portal.CategoryVersionAsync(categoryId)).ToString(),
        }, $"{Categories(campaignId)}?handler=Move");

    private async Task<HttpResponseMessage> RenameAsync(HttpClient client, int categoryId, string name, long? version = null) =>
        await client.PostFormAsync(EditCategory(categoryId), new Dictionary<string, string>
        {
            ["Name"] = name, ["Version"] = (version ?? await _portal.CategoryVersionAsync(categoryId)).ToString(),
        });

    /// <summary>Where each name first appears in the text, in the order given; fails when one is missing.</summary>
    private static void InOrder(string text, params string[] names)
    {
        var at = names.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.True(at.SequenceEqual(at.Order()), $"expected the order {string.Join(" → ", names)}");
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, start);
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_office_reorders_categories_and_the_order_shows_on_the_page_chart_roll_up_list_and_export()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("排序测试活动");
        var first = await office.NewItemAsync(id, "健全创建工作领导小组", "4", "组织领导");
        var second = await office.NewItemAsync(id, "建设职工书屋", "6", "文化建设");
        var third = await office.NewItemAsync(id, "办公区域整洁有序", "5", "环境建设");
        var environment = await _portal.CategoryIdAsync(id, "环境建设");
        InOrder(Between(await office.GetStringAsync(Categories(id)), "data-testid=\"category-order\"", "</ol>"), "组织领导", "文化建设", "环境建设");

        // 环境建设 up twice: it leads; the top one cannot go higher (its button is off and a post changes nothing).
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(office, id, environment, "up")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(office, id, environment, "up")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(office, id, environment, "up")).StatusCode);
        var list = await office.GetStringAsync(Categories(id));
        InOrder(Between(list, "data-testid=\"category-order\"", "</ol>"), "环境建设", "组织领导", "文化建设");
        Assert.Matches($"data-category-id=\"{environment}\"[\\s\\S]*?value=\"up\"[^>]*disabled", list);
        Assert.Equal([1, 2, 3], await _portal.CategoryOrdersAsync(id));

        var page = await office.GetStringAsync(Civilization.Campaign(id));
        InOrder(Between(page, "<svg", "</svg>"), "环境建设", "组织领导", "文化建设");
        InOrder(Between(page, "data-testid=\"categories\"", "</table>"), "环境建设", "组织领导", "文化建设");
        InOrder(Between(page, "data-testid=\"items\"", "</table>"), $"data-item-id=\"{third}\"", $"data-item-id=\"{first}\"", $"data-item-id=\"{second}\"");
        InOrder(Between(page, "id=\"category\"", "</select>"), "环境建设", "组织领导", "文化建设");

        var export = await office.GetByteArrayAsync($"/m/civilization/api/campaigns/{id}/export.xlsx");
        var summary = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true, sheetName: "得分汇总").Cast<IDictionary<string, object>>().Select(r => (string)r["类别"]).ToList();
        Assert.Equal(["环境建设", "组织领导", "文化建设", "合计"], summary);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true, sheetName: "测评事项").Cast<IDictionary<string, object>>().Select(r => (string)r["测评内容"]).ToList();
        Assert.Equal(["办公区域整洁有序", "健全创建工作领导小组", "建设职工书屋"], rows);

        // A move from a page older than the last change is refused and says why.
        var stale = await MoveAsync(office, id, environment, "down", version: 1);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        Assert.Equal(1, await _portal.CategoryOrderAsync(environment));
        // Each move is audited by the host, by the office.
        Assert.Contains(await _portal.AuditEntriesAsync("update", $"CriteriaCategory#{environment}"), e => e.UserName == "office");
    }

    [Fact]
    public async Task Renaming_checks_the_name_and_the_stamp_and_is_audited()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("改名测试活动");
        await office.NewItemAsync(id, "健全创建工作领导小组", "4", "组织领导");
        await office.NewItemAsync(id, "建设职工书屋", "6", "文化建设");
        var leadership = await _portal.CategoryIdAsync(id, "组织领导");
        // Another campaign's category of the same name does not count.
        var elsewhere = await office.NewCampaignAsync("另一个活动");
        await office.NewItemAsync(elsewhere, "另一个活动的事项", "2", "创建管理");

        async Task Refused(HttpResponseMessage response, string message, string kept)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Matches($"field-validation-error[^>]*>[^<]*{Regex.Escape(message)}", html);
            Assert.Contains($"value=\"{kept}\"", html);
        }
        await Refused(await RenameAsync(office, leadership, "  "), "请填写类别名称", "");
        await Refused(await RenameAsync(office, leadership, new string('长', 51)), "不能超过 50 个字符", new string('长', 51));
        await Refused(await RenameAsync(office, leadership, " 文化建设 "), "本创建活动已有名为“文化建设”的类别", " 文化建设 ");
        Assert.Equal("组织领导", await _portal.CategoryNameAsync(leadership));

        var version = await _portal.CategoryVersionAsync(leadership);
        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(office, leadership, "创建管理")).StatusCode);
        Assert.Equal("创建管理", await _portal.CategoryNameAsync(leadership));
        Assert.Contains("创建管理", await office.GetStringAsync(Civilization.Campaign(id)));
        // A second edit made from the same (now stale) form does not overwrite the first.
        var stale = await RenameAsync(office, leadership, "组织建设", version);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        Assert.Contains("value=\"组织建设\"", await stale.Content.ReadAsStringAsync());
        Assert.Equal("创建管理", await _portal.CategoryNameAsync(leadership));
        var audit = await _portal.AuditEntriesAsync("update", $"CriteriaCategory#{leadership}");
        Assert.Contains(audit, e => e.UserName == "office" && e.Details is { } d && d.Contains("组织领导") && d.Contains("创建管理"));
    }

    [Fact]
    public async Task An_item_moves_to_another_category_and_only_an_empty_category_can_be_removed()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("删除类别测试活动");
        var item = await office.NewItemAsync(id, "开展道德讲堂", "3", "思想道德");
        await office.NewItemAsync(id, "建设职工书屋", "6", "文化建设");
        var moral = await _portal.CategoryIdAsync(id, "思想道德");
        var culture = await _portal.CategoryIdAsync(id, "文化建设");

        var refused = await office.PostFormAsync(EditCategory(moral), new Dictionary<string, string> { ["Version"] = (await _portal.CategoryVersionAsync(moral)).ToString() }, $"{EditCategory(moral)}?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("“思想道德”下还有 1 个测评事项，不能删除", await refused.Content.ReadAsStringAsync());
        Assert.True(await _portal.CategoryExistsAsync(moral));

        // The item's edit form offers the campaign's categories; choosing another moves it there.
        var edit = await office.GetStringAsync($"/m/civilization/Items/Edit?id={item}");
        Assert.Contains($"<option value=\"{culture}\">文化建设</option>", edit);
        var itemVersion = Regex.Match(edit, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var moved = await office.PostFormAsync($"/m/civilization/Items/Edit?id={item}", new Dictionary<string, string>
        {
            ["CampaignId"] = id.ToString(), ["Input.CategoryId"] = culture.ToString(), ["Input.Text"] = "开展道德讲堂", ["Input.Points"] = "3", ["Input.Version"] = itemVersion,
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(culture, await _portal.ItemCategoryAsync(item));
        // A category of another campaign is not offered and not accepted.
        var other = await office.NewCampaignAsync("别的活动");
        await office.NewItemAsync(other, "别的活动的事项", "2", "别的类别");
        var foreign = await _portal.CategoryIdAsync(other, "别的类别");
        var wrong = await office.PostFormAsync($"/m/civilization/Items/Edit?id={item}", new Dictionary<string, string>
        {
            ["CampaignId"] = id.ToString(), ["Input.CategoryId"] = foreign.ToString(), ["Input.Text"] = "开展道德讲堂", ["Input.Points"] = "3",
            ["Input.Version"] = await _portal.ItemVersionAsync(item),
        });
        Assert.Contains("请选择类别，或填写新的类别", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(culture, await _portal.ItemCategoryAsync(item));

        var page = await office.GetStringAsync(EditCategory(moral));
        Assert.Contains("data-confirm=\"确定删除类别“思想道德”吗？\"", page);
        var removed = await office.PostFormAsync(EditCategory(moral), new Dictionary<string, string> { ["Version"] = (await _portal.CategoryVersionAsync(moral)).ToString() }, $"{EditCategory(moral)}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _portal.CategoryExistsAsync(moral));
        Assert.Contains(await _portal.AuditEntriesAsync("delete", $"CriteriaCategory#{moral}"), e => e.UserName == "office");
        Assert.DoesNotContain("思想道德", Between(await office.GetStringAsync(Civilization.Campaign(id)), "data-testid=\"categories\"", "</table>"));
    }

    [Fact]
    public async Task Only_the_office_keeps_categories_and_only_its_own_agency_s()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("权限测试活动");
        await office.NewItemAsync(id, "健全创建工作领导小组", "4", "组织领导");
        await office.NewItemAsync(id, "建设职工书屋", "6", "文化建设");
        var leadership = await _portal.CategoryIdAsync(id, "组织领导");
        Assert.Contains($"/m/civilization/Categories/{id}", await office.GetStringAsync(Civilization.Campaign(id)));

        var member = await _portal.SignedInAsync("member");
        Assert.DoesNotContain($"/m/civilization/Categories/{id}", await member.GetStringAsync(Civilization.Campaign(id)));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Categories(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(EditCategory(leadership))).StatusCode);

        await _portal.CreateAgencyAsync("CIVC", "civc-admin", "agency-admin,member", "civilization");
        var other = await _portal.SignedInAsync("civc-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Categories(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EditCategory(leadership))).StatusCode);
        var own = await other.NewCampaignAsync("乙单位的活动");
        var token = await other.TokenAsync(Civilization.Campaign(own));
        foreach (var client in new[] { member, other })
        {
            var t = client == other ? token : await member.TokenAsync(Civilization.Campaign(id));
            async Task<HttpStatusCode> Post(string url, Dictionary<string, string> fields)
            {
                fields["__RequestVerificationToken"] = t;
                return (await client.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode;
            }
            Assert.Equal(HttpStatusCode.NotFound, await Post(EditCategory(leadership), new() { ["Name"] = "改掉", ["Version"] = "1" }));
            Assert.Equal(HttpStatusCode.NotFound, await Post($"{EditCategory(leadership)}?handler=Delete", new() { ["Version"] = "1" }));
            Assert.Equal(HttpStatusCode.NotFound, await Post($"{Categories(id)}?handler=Move", new() { ["category"] = leadership.ToString(), ["direction"] = "down", ["version"] = "1" }));
            Assert.Equal(["组织领导", "文化建设"], await _portal.CategoryNamesAsync(id));
        }
    }
    [Fact]
    public async Task The_campaign_s_items_are_paged_filtered_by_category_status_owner_and_overdue_and_sorted_on_the_server()
    {
        var office = await _portal.SignedInAsync("office");
        var id = await office.NewCampaignAsync("列表测试活动");
        var today = _portal.Today;
        // 52 items: every third owned by 李晓梅, every fourth overdue, points 1–52 in two categories.
        var rows = Enumerable.Range(1, 52).Select(n => Civilization.Row(n % 2 == 0 ? "乙类" : "甲类", $"列表事项{n:00}", n,
            n % 3 == 0 ? "李晓梅" : null, (n % 4 == 0 ? today.AddDays(-n) : today.AddDays(n)).ToString("yyyy-MM-dd"))).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await office.ImportAsync(id, Civilization.Xlsx(rows))).StatusCode);
        static List<string> Texts(string html) => Regex.Matches(html.Split("data-testid=\"items\"")[1].Split("</table>")[0], "列表事项(\\d\\d)").Select(m => m.Groups[1].Value).ToList();
        var url = Civilization.Campaign(id);

        var first = await office.GetStringAsync(url);
        var byFramework = Texts(first);
        Assert.Equal(50, byFramework.Count);
        // The framework's order: 甲类 (the first category) with its items, then 乙类.
        Assert.Equal("01", byFramework[0]);
        Assert.Equal("02", byFramework[26]);
        Assert.Equal(2, Texts(await office.GetStringAsync($"{url}?p=2")).Count);
        // The pager's links land on the list, below the chart and the categories (a phone would start at the top).
        Assert.Contains("?p=2#items\"", first);

        var owner = await _portal.MemberIdAsync("李晓梅");
        Assert.Contains($"<option value=\"{owner}\">李晓梅</option>", first);
        var owned = Texts(await office.GetStringAsync($"{url}?owner={owner}"));
        Assert.Equal(Enumerable.Range(1, 52).Where(n => n % 3 == 0).Select(n => n.ToString("00")).Order(), owned.Order());
        var overdue = Texts(await office.GetStringAsync($"{url}?show=overdue"));
        Assert.Equal(Enumerable.Range(1, 52).Where(n => n % 4 == 0).Select(n => n.ToString("00")).Order(), overdue.Order());
        var category = await _portal.CategoryIdAsync(id, "乙类");
        var combined = await office.GetStringAsync($"{url}?category={category}&owner={owner}&show=overdue&status=NotStarted");
        Assert.Equal(["12", "24", "36", "48"], Texts(combined).Order());
        // Sorting keeps the filters, and the filter form keeps the sort.
        var pointsLink = WebUtility.HtmlDecode(Regex.Match(combined, "href=\"([^\"]+)\" data-testid=\"sort-points\"").Groups[1].Value);
        Assert.Contains($"owner={owner}", pointsLink);
        Assert.Contains($"category={category}", pointsLink);
        Assert.Contains("show=overdue", pointsLink);
        Assert.Contains("sort=-points", pointsLink);
        Assert.Equal(["48", "36", "24", "12"], Texts(await office.GetStringAsync(pointsLink)));
        Assert.Contains("<option value=\"-points\" selected=\"selected\">", await office.GetStringAsync(pointsLink));

        Assert.Equal("01", Texts(await office.GetStringAsync($"{url}?sort=points"))[0]);
        Assert.Equal("52", Texts(await office.GetStringAsync($"{url}?sort=-points"))[0]);
        Assert.Equal("52", Texts(await office.GetStringAsync($"{url}?sort=due"))[0]);
        Assert.Equal("51", Texts(await office.GetStringAsync($"{url}?sort=-due"))[0]);
        Assert.Equal("52", Texts(await office.GetStringAsync($"{url}?sort=-no"))[0]);
        Assert.Contains("aria-sort=\"descending\"", await office.GetStringAsync($"{url}?sort=-due"));
    }
}
