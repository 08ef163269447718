using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Civilization;

/// <summary>Civilization creation as its users meet it: the office starts a campaign and imports its framework, an owner submits evidence on a phone, the office reviews it and the score moves.</summary>
public sealed class CivilizationJourneyTests(CivilizationBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<CivilizationBrowserFixture>
{
    [Fact]
    public Task Start_a_campaign_import_its_framework_submit_evidence_and_review_it() => StepsAsync("civilization-journey", async () =>
    {
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "文明创建", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "新建创建活动" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请填写创建活动名称。")).ToBeVisibleAsync();
        await Page.GetByLabel("名称").FillAsync("浏览器测试：创建市级文明单位");
        await Page.GetByLabel("创建目标").SelectOptionAsync(new SelectOptionValue { Label = "市级文明单位" });
        await Page.GetByLabel("责任领导").SelectOptionAsync(new SelectOptionValue { Label = "王建华" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("尚无测评事项")).ToBeVisibleAsync();

        // A file that is not the template is refused with the reason; the template itself imports.
        await Page.GetByRole(AriaRole.Link, new() { Name = "导入测评体系（Excel）" }).ClickAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"civ-bad-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(bad, "这不是 Excel 文件");
        await Page.GetByLabel("Excel 文件（.xlsx）").SetInputFilesAsync(bad);
        await Page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("无法读取该文件，请使用下载的模板（.xlsx 格式）。").First).ToBeVisibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "下载导入模板" }).ClickAsync());
        var template = Path.Combine(Path.GetTempPath(), $"civ-template-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(template);
        await Page.GetByLabel("Excel 文件（.xlsx）").SetInputFilesAsync(template);
        await Page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已导入 3 个测评事项。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("svg.bar-chart")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=points-met]")).ToContainTextAsync("0 / 9");
        var campaignUrl = Page.Url;

        // The office gives the first criterion an owner.
        await Page.GetByRole(AriaRole.Link, new() { Name = "成立文明创建工作领导小组，主要负责同志任组长，年初专题研究部署" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "编辑测评事项" }).ClickAsync();
        await Page.GetByLabel("责任人").SelectOptionAsync(new SelectOptionValue { Label = "李晓梅" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已保存。")).ToBeVisibleAsync();
        var itemUrl = Page.Url;

        // The owner, on a phone, finds it in the to-do list and submits the evidence with a scan.
        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "member");
        await phone.GotoAsync(Url("/Todo"));
        await phone.GetByRole(AriaRole.Link, new() { Name = "文明创建事项：1.1 成立文明创建工作领导小组" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交佐证材料" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("请说明佐证情况：做了什么、什么时间、材料存放在哪里。")).ToBeVisibleAsync();
        await phone.GetByLabel("完成情况").FillAsync("3月12日印发成立领导小组的通知，3月20日党组会议专题研究部署。");
        var scan = Path.Combine(Path.GetTempPath(), $"civ-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(scan, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")); // a real 1×1 picture
        await phone.GetByLabel("附件（可选）").SetInputFilesAsync(scan);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交佐证材料" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("佐证材料已提交，已提醒审核人审核。")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-testid=awaiting]")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "civilization-evidence-phone.png"), FullPage = true });

        // The office reviews it as met; the campaign's points move.
        await Page.GotoAsync(itemUrl);
        await Assertions.Expect(Page.Locator("[data-testid=evidence]")).ToContainTextAsync("党组会议专题研究部署");
        await Page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "已达标" });
        await Page.GetByLabel("审核意见").FillAsync("材料齐全。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存审核结果" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=item-status]")).ToHaveTextAsync("已达标");
        await Page.GotoAsync(campaignUrl);
        await Assertions.Expect(Page.Locator("[data-testid=points-met]")).ToContainTextAsync("3 / 9");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "civilization-campaign.png"), FullPage = true });
    });

    [Fact]
    public Task Record_a_practice_point_activity_by_linking_a_volunteer_activity() => StepsAsync("civilization-practice", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/civilization/Practice/Edit"));
        var picker = Page.Locator("[data-testid=link-picker]");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        // The demo year of volunteer activities is offered; choosing one fills what is left empty.
        var option = await picker.Locator("option").Nth(1).TextContentAsync();
        var title = option!.Trim()[11..];
        await picker.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "志愿服务" });
        await Page.GetByLabel("名称").FillAsync("");
        await Page.GetByLabel("日期").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已保存。")).ToBeVisibleAsync();
        var row = Page.Locator("[data-testid=practice] tr", new() { HasText = title });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = title }).Last).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/m/volunteer/Activities/Details/\\d+$"));
        await Page.SetViewportSizeAsync(390, 844);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "civilization-practice-phone.png"), FullPage = true });

        // The dashboard card shows the demo campaign's points and the honours; it leads to the campaign's overdue items.
        await Page.SetViewportSizeAsync(1366, 900);
        await Page.GotoAsync(Url("/"));
        await Assertions.Expect(Page.GetByText("市级文明单位（XX市精神文明建设委员会）")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "civilization-dashboard.png"), FullPage = true });
        await Page.Locator("a[href*='show=overdue']").First.ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=items] tbody tr").First).ToContainTextAsync("逾期");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "civilization-demo-campaign.png"), FullPage = true });
    });
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, name + ".png");

    [Fact]
    public Task File_pickers_speak_the_portal_s_language_on_a_host_page_and_a_module_page_and_still_upload() => StepsAsync("file-pickers", async () =>
    {
        await SignInAsync("office");

        // A host page: the members' import. The real input is still the form's, with its name and accept.
        await Page.GotoAsync(Url("/Directory/Members/Import"));
        var input = Page.GetByLabel("Excel 文件");
        var picker = Page.Locator(".file-picker", new() { Has = Page.Locator("#file") });
        await Assertions.Expect(picker.Locator(".file-picker-button")).ToHaveTextAsync("选择文件");
        await Assertions.Expect(picker.Locator(".file-picker-names")).ToHaveTextAsync("未选择文件");
        await Assertions.Expect(input).ToHaveAttributeAsync("accept", ".xlsx");
        await Assertions.Expect(input).ToHaveAttributeAsync("name", "file");
        Assert.True(await input.EvaluateAsync<bool>("i => i.form !== null && i.form.enctype === 'multipart/form-data'"));
        // Nothing chosen: the server's message is next to the field and the picker shows the field's error state.
        await Page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".field-validation-error")).ToHaveTextAsync("请选择要导入的 Excel 文件。");
        await Assertions.Expect(picker).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("file-picker-invalid"));
        // With the keyboard: the input takes the focus (shown on the picker) and Space opens the browser's file dialog.
        await input.FocusAsync();
        Assert.NotEqual("none", await picker.EvaluateAsync<string>("p => getComputedStyle(p).outlineStyle"));
        var bad = Path.Combine(Path.GetTempPath(), $"名册-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(bad, "这不是 Excel 文件");
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(bad);
        await Assertions.Expect(picker.Locator(".file-picker-names")).ToHaveTextAsync(Path.GetFileName(bad));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("file-picker-host-desktop"), FullPage = true });
        // The file reaches the server, which reads it and lists why it cannot be imported.
        await Page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("import-problems")).ToContainTextAsync("无法读取该文件");
        await Assertions.Expect(Page.Locator(".file-picker-names")).ToHaveTextAsync("未选择文件");

        // A module page: an item's evidence, several files at once, chosen by a click on the picker.
        await Page.GotoAsync(Url("/m/civilization"));
        await Page.Locator("a[href^='/m/civilization/Campaigns/Details/']").First.ClickAsync();
        await Page.Locator("[data-testid=items] a[href^='/m/civilization/Items/Details/']").First.ClickAsync();
        var files = Page.GetByLabel("附件（可选）");
        await Assertions.Expect(files).ToHaveAttributeAsync("multiple", "");
        var evidencePicker = Page.Locator(".file-picker", new() { Has = Page.Locator("#Files") });
        await Assertions.Expect(evidencePicker.Locator(".file-picker-names")).ToHaveTextAsync("未选择文件");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="); // a real 1×1 picture
        var first = Path.Combine(Path.GetTempPath(), $"签到表-{Guid.NewGuid():N}.png");
        var second = Path.Combine(Path.GetTempPath(), $"照片-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(first, png);
        await File.WriteAllBytesAsync(second, png);
        var clicked = await Page.RunAndWaitForFileChooserAsync(() => evidencePicker.ClickAsync());
        Assert.True(clicked.IsMultiple);
        await clicked.SetFilesAsync([first, second]);
        await Assertions.Expect(evidencePicker.Locator(".file-picker-names")).ToHaveTextAsync($"{Path.GetFileName(first)}、{Path.GetFileName(second)}");
        await Page.GetByLabel("完成情况").FillAsync("浏览器测试：上传两份附件。");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("file-picker-module-desktop"), FullPage = true });
        await Page.SetViewportSizeAsync(390, 844);
        await evidencePicker.ScrollIntoViewIfNeededAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("file-picker-module-phone") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交佐证材料" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("佐证材料已提交，已提醒审核人审核。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=evidence]")).ToContainTextAsync(Path.GetFileName(first));
        await Assertions.Expect(Page.Locator("[data-testid=evidence]")).ToContainTextAsync(Path.GetFileName(second));

        // In English the picker says so in English.
        await Page.GotoAsync(Url("/culture/en?returnUrl=" + Uri.EscapeDataString("/Directory/Members/Import")));
        await Assertions.Expect(Page.Locator(".file-picker-button")).ToHaveTextAsync("Choose files");
        await Assertions.Expect(Page.Locator(".file-picker-names")).ToHaveTextAsync("No file chosen");
    });

    [Fact]
    public Task The_office_orders_and_renames_categories_and_deletes_an_evidence_entry_on_a_phone() => StepsAsync("civilization-categories", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/civilization"));
        await Page.Locator("a[href^='/m/civilization/Campaigns/Details/']").First.ClickAsync();
        var campaignUrl = Page.Url;
        await Page.GetByRole(AriaRole.Link, new() { Name = "类别与排序" }).ClickAsync();
        var rows = Page.Locator("[data-testid=category-order] li");
        var secondName = (await rows.Nth(1).Locator(".civ-category-name").InnerTextAsync()).Split(' ', 2)[1].Split(' ')[0];
        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = $"将“{secondName}”上移" }).ClickAsync();
        await Assertions.Expect(Page.GetByText($"已调整“{secondName}”的顺序。")).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(secondName);
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Button, new() { Name = $"将“{secondName}”上移" })).ToBeDisabledAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("civilization-categories-desktop"), FullPage = true });

        // Renaming: an empty name is refused next to the field; a good one shows on the campaign page, first in the chart.
        await rows.First.GetByRole(AriaRole.Link, new() { Name = $"重命名或删除“{secondName}”" }).ClickAsync();
        await Page.GetByLabel("类别名称").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".field-validation-error")).ToHaveTextAsync("请填写类别名称。");
        await Assertions.Expect(Page.GetByTestId("cannot-remove")).ToContainTextAsync("不能删除");
        await Page.GetByLabel("类别名称").FillAsync("浏览器测试类别");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("浏览器测试类别");
        await Page.GotoAsync(campaignUrl);
        await Assertions.Expect(Page.Locator("[data-testid=categories] tbody tr").First).ToContainTextAsync("浏览器测试类别");
        await Assertions.Expect(Page.Locator("[data-testid=items] tbody tr").First).ToContainTextAsync("浏览器测试类别");

        // On a phone: the categories page, the campaign's items as cards, and an evidence entry deleted after a confirmation.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.Locator("#items").ScrollIntoViewIfNeededAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("civilization-items-phone") });
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal("block", await Page.Locator("[data-testid=items] tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        await Page.GotoAsync(Url(new Uri(campaignUrl).AbsolutePath.Replace("/Campaigns/Details/", "/Categories/")));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("civilization-categories-phone"), FullPage = true });
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await Page.GotoAsync(campaignUrl);
        await Page.Locator("[data-testid=items] a[href^='/m/civilization/Items/Details/']").Nth(1).ClickAsync();
        await Page.GetByLabel("完成情况").FillAsync("浏览器测试：要删除的佐证。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交佐证材料" }).ClickAsync();
        var entry = Page.Locator("[data-testid=evidence] li", new() { HasText = "浏览器测试：要删除的佐证。" });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        string? asked = null;
        // The first confirmation is declined (nothing happens), the second accepted.
        void Decline(object? _, IDialog d) { asked = d.Message; d.DismissAsync(); }
        Page.Dialog += Decline;
        await entry.GetByRole(AriaRole.Button, new() { Name = "删除佐证材料" }).ClickAsync();
        await Assertions.Expect(entry).ToBeVisibleAsync();
        Assert.Equal("确定删除这条佐证材料吗？删除后不能恢复。", asked);
        Page.Dialog -= Decline;
        Page.Dialog += (_, d) => d.AcceptAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "删除佐证材料" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("佐证材料已删除。")).ToBeVisibleAsync();
        await Assertions.Expect(entry).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("civilization-evidence-deleted-phone"), FullPage = true });
    });
}
