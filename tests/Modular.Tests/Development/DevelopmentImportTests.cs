using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Modular.Modules.Development.Rules;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Development;

/// <summary>
/// The Excel import of people already on the way, through the page: the template, all rows checked before any is
/// imported (problems by row and column in Chinese), the directory's stage moved and audited, and bad files, empty
/// files, bad dates and another agency's member numbers refused with nothing saved.
/// </summary>
public sealed class DevelopmentImportTests : IClassFixture<DevelopmentImportTests.Portal>
{
    public sealed class Portal() : PortalFactory("development");

    private const string Import = "/m/development/Cases/Import";
    private readonly Portal _portal;
    public DevelopmentImportTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;

    private static Dictionary<string, object?> Row(string? name, string stage, params DateOnly[] steps)
    {
        var row = CaseSheet.Columns.ToDictionary(c => c, _ => (object?)null);
        row["姓名"] = name;
        row["阶段"] = stage;
        for (var i = 0; i < steps.Length; i++) row[CaseSheet.StepColumn(i + 1)] = steps[i].ToString("yyyy-MM-dd");
        return row;
    }

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string name = "发展党员.xlsx")
    {
        var token = await client.TokenAsync(Import);
        return await client.PostAsync(Import, new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(content), "File", name } });
    }

    private Task<int> StageAsync(int memberId) => _portal.IntAsync("SELECT \"Stage\" FROM dir_member WHERE \"Id\" = @m", ("m", memberId));

    [Fact]
    public async Task The_template_has_the_columns_and_the_roster_with_numbers()
    {
        var person = await _portal.AddPersonAsync("模板名册甲", Today.AddYears(-30));
        var office = await _portal.SignedInAsync("office");
        var response = await office.GetAsync($"{Import}?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["发展党员", "花名册"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var header = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "发展党员").Cast<IDictionary<string, object>>().First().Keys.ToList();
        Assert.Equal(["姓名", "名册编号", "阶段", "第1步 递交入党申请书"], header.Take(4));
        var roster = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "花名册").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(roster, r => r["姓名"]?.ToString() == "模板名册甲" && r["名册编号"]?.ToString() == $"{person}" && r["阶段"]?.ToString() == "入党申请人");
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync($"{Import}?handler=Template")).StatusCode);
    }

    [Fact]
    public async Task A_sheet_with_one_bad_row_imports_nothing_and_the_valid_sheet_imports_every_row_moving_the_stage_in_the_directory()
    {
        var a = await _portal.AddPersonAsync("导入测试甲", Today.AddYears(-30));
        var b = await _portal.AddPersonAsync("导入测试乙", Today.AddYears(-40));
        var c = await _portal.AddPersonAsync("导入测试丙", Today.AddYears(-35));
        var mentor = (await _portal.MemberIdsAsync(1))[0];
        var start = Today.AddDays(-200);
        var rowA = Row("导入测试甲", "入党积极分子", start, start.AddDays(20), start.AddDays(60), start.AddDays(70), start.AddDays(70));
        rowA["培养联系人"] = $"{mentor}";
        var rowB = Row(null, "入党申请人", start, start.AddDays(25));
        rowB["名册编号"] = $"{b}";
        var rowC = Row("导入测试丙", "入党申请人", start, start.AddDays(25));
        rowC[CaseSheet.StepColumn(2)] = "2026年13月1日";
        var office = await _portal.SignedInAsync("office");
        var cases = await _portal.CaseCountAsync();

        var refused = await ImportAsync(office, Sheet(rowA, rowB, rowC));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-problems\"", page);
        Assert.Contains("<td data-label=\"行\">4</td><td data-label=\"列\">第2步 入党谈话</td><td data-label=\"问题说明\">日期格式应为 2024-07-01。</td>", page);
        Assert.Contains("未导入任何数据", page);
        Assert.Equal(cases, await _portal.CaseCountAsync());
        Assert.Equal(0, await StageAsync(a));

        // The talk more than a month late is a deadline, not a gate: it imports.
        rowC[CaseSheet.StepColumn(2)] = start.AddDays(45).ToString("yyyy-MM-dd");
        var done = await ImportAsync(office, Sheet(rowA, rowB, rowC));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(cases + 3, await _portal.CaseCountAsync());
        var caseA = (await _portal.CaseOfAsync(a))!.Value;
        Assert.Equal([1, 2, 3, 4, 5], await _portal.StepsOfAsync(caseA));
        Assert.Equal([mentor], await _portal.HelpersOfAsync(caseA));
        Assert.Equal([1, 2], await _portal.StepsOfAsync((await _portal.CaseOfAsync(b))!.Value));
        // Step 3 made A an activist in the directory, through its audited change; B and C stay applicants.
        Assert.Equal(1, await StageAsync(a));
        Assert.Equal(0, await StageAsync(b));
        Assert.Contains(await _portal.AuditEntriesAsync("member.stage-change", $"Member#{a}"), e => e.Success && e.Details!.Contains("development import, step 3"));
        Assert.NotEmpty(await _portal.AuditEntriesAsync("development.import", "Development.Case"));
        // Every imported step is in the audit trail like a step recorded on the form.
        foreach (var stepId in await _portal.IntsAsync("SELECT \"Id\" FROM dev_step WHERE \"CaseId\" = @c", ("c", caseA)))
            Assert.Single(await _portal.AuditEntriesAsync("create", $"Development.CaseStep#{stepId}"));
        Assert.Contains("下一步：第 6 步", await office.GetStringAsync($"/m/development/Cases/Details/{caseA}"));

        // Imported once: the same people again are refused by row.
        var again = await ImportAsync(office, Sheet(rowB));
        Assert.Contains("的发展党员进程已有记录", await again.Content.ReadAsStringAsync());
        Assert.Equal(cases + 3, await _portal.CaseCountAsync());
    }

    private static async Task<string> WordAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task A_way_imported_up_to_full_membership_moves_the_directory_stage_by_stage_and_fills_every_document()
    {
        var person = await _portal.AddPersonAsync("导入转正己", Today.AddYears(-30));
        var full = await _portal.MemberIdsAsync(3);
        int[] daysAgo = [1400, 1390, 1380, 1375, 1375, 1200, 1000, 995, 990, 985, 980, 970, 965, 960, 950, 940, 900, 890, 880, 870, 700, 590, 580, 560];
        var row = Row("导入转正己", "正式党员", daysAgo.Select(d => Today.AddDays(-d)).ToArray());
        row["培养联系人"] = $"{full[0]}";
        row["入党介绍人"] = $"{full[1]}、{full[2]}";
        row["政审结论"] = "经审查，该同志政治立场坚定，历史清楚，政治审查合格。";
        row["培训学时"] = 24;
        foreach (var step in new[] { 15, 23 })
        {
            var v = CaseSheet.VoteColumns(step);
            (row[v.Entitled], row[v.Present], row[v.For], row[v.Against], row[v.Abstain]) = (10, 8, 8, 0, 0);
        }
        row["转正表决结果"] = "按期转正";
        var office = await _portal.SignedInAsync("office");
        var response = await ImportAsync(office, Sheet(row));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var caseId = (await _portal.CaseOfAsync(person))!.Value;
        Assert.Equal(Enumerable.Range(1, 24), await _portal.StepsOfAsync(caseId));
        Assert.Equal(4, await StageAsync(person));
        Assert.Equal(4, (await _portal.AuditEntriesAsync("member.stage-change", $"Member#{person}")).Count(e => e.Success));

        string Url(int step) => $"/m/development/Cases/Files/{caseId}?handler=Document&step={step}";
        Assert.Contains("经审查，该同志政治立场坚定，历史清楚，政治审查合格。", await WordAsync(office, Url(10)));
        var names = await _portal.TextAsync("SELECT \"Name\" FROM dir_member WHERE \"Id\" = @m", ("m", full[1]));
        Assert.Contains(names, await WordAsync(office, Url(12)));
        var admission = await WordAsync(office, Url(17));
        Assert.Contains("关于接收导入转正己同志为中共预备党员的批复", admission);
        Assert.Contains("会议应到有表决权的正式党员10名，实到8名，表决结果：赞成8票，反对0票，弃权0票。", admission);
        Assert.Contains("预备党员转正情况汇总表", await WordAsync(office, Url(22)));
        Assert.Contains("预备党员转正公示", await WordAsync(office, Url(23)));
        var joined = Today.AddDays(-950).AddYears(1);
        Assert.Contains($"党龄自{joined.Year}年{joined.Month}月{joined.Day}日算起", await WordAsync(office, Url(24)));
        var archive = await WordAsync(office, $"/m/development/Cases/Files/{caseId}?handler=Archive");
        Assert.Contains("决定：按期转正", archive);
        Assert.Contains("五、预备党员的教育考察和转正", archive);
    }

    [Fact]
    public async Task A_move_the_directory_refuses_takes_back_the_moves_made_before_it_and_imports_nothing()
    {
        var a = await _portal.AddPersonAsync("导入回退甲", Today.AddYears(-30));
        var b = await _portal.AddPersonAsync("导入回退乙", Today.AddYears(-30));
        var start = Today.AddDays(-100);
        // The directory has B's application after the activist decision the sheet gives: its own rule refuses the move.
        await SetApplicationDateAsync(b, start.AddDays(50));
        var cases = await _portal.CaseCountAsync();
        var response = await ImportAsync(await _portal.SignedInAsync("office"), Sheet(
            Row("导入回退甲", "入党积极分子", start, start.AddDays(10), start.AddDays(40)),
            Row("导入回退乙", "入党积极分子", start, start.AddDays(10), start.AddDays(40))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<td data-label=\"行\">3</td><td data-label=\"列\">阶段</td><td data-label=\"问题说明\">确定为积极分子的日期应晚于申请入党日期。</td>", await response.Content.ReadAsStringAsync());
        Assert.Equal(cases, await _portal.CaseCountAsync());
        Assert.Equal((0, 0), (await StageAsync(a), await StageAsync(b)));
        // A was moved and moved back, each change audited.
        Assert.Equal(2, (await _portal.AuditEntriesAsync("member.stage-change", $"Member#{a}")).Count(e => e.Success));
    }

    private async Task SetApplicationDateAsync(int memberId, DateOnly date)
    {
        using var _ = Modular.Host.Tenancy.AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Modular.Host.PartyDirectory.DirectoryDbContext>();
        var member = await db.Members.SingleAsync(m => m.Id == memberId);
        member.ApplicationDate = date;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_gate_of_the_step_form_refuses_the_row_with_its_own_message()
    {
        var person = await _portal.AddPersonAsync("导入测试丁", Today.AddYears(-30));
        var activist = Today.AddDays(-400);
        var row = Row("导入测试丁", "发展对象", activist.AddDays(-40), activist.AddDays(-30), activist, activist.AddDays(5), activist.AddDays(5), activist.AddDays(180),
            activist.AddYears(1).AddDays(-1));
        row["培养联系人"] = $"{(await _portal.MemberIdsAsync(1))[0]}";
        var response = await ImportAsync(await _portal.SignedInAsync("office"), Sheet(row));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("第7步 确定发展对象", page);
        Assert.Contains("满一年后才能确定为发展对象", page);
        Assert.Null(await _portal.CaseOfAsync(person));
        Assert.Equal(0, await StageAsync(person));
    }

    [Fact]
    public async Task Wrong_files_empty_files_and_another_agencys_member_numbers_are_refused()
    {
        var office = await _portal.SignedInAsync("office");
        var cases = await _portal.CaseCountAsync();
        var notExcel = await ImportAsync(office, "姓名,阶段\n张三,入党申请人\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
        Assert.Contains("无法读取该文件", await notExcel.Content.ReadAsStringAsync());
        Assert.Contains("无法读取该文件", await (await ImportAsync(office, Sheet(Row("张三", "入党申请人", Today)), "发展党员.csv")).Content.ReadAsStringAsync());
        Assert.Contains("请选择要导入的 Excel 文件", await (await ImportAsync(office, [])).Content.ReadAsStringAsync());
        Assert.Contains("文件中没有数据行", await (await ImportAsync(office, Sheet(Row(null, "", [])))).Content.ReadAsStringAsync());
        var noColumns = Sheet(new Dictionary<string, object?> { ["名字"] = "张三" });
        Assert.Contains("缺少必需的列", await (await ImportAsync(office, noColumns)).Content.ReadAsStringAsync());

        // Another agency imports a member number of this one: not on its roster.
        var person = await _portal.AddPersonAsync("导入测试戊", Today.AddYears(-30));
        await _portal.CreateAgencyAsync("DEVIMP", "devimp-admin", "agency-admin,member", "development");
        var other = await _portal.SignedInAsync("devimp-admin");
        var row = Row(null, "入党申请人", Today.AddDays(-5));
        row["名册编号"] = $"{person}";
        var response = await ImportAsync(other, Sheet(row));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"花名册中没有编号为 {person} 的人员", await response.Content.ReadAsStringAsync());
        Assert.Null(await _portal.CaseOfAsync(person));
        Assert.Equal(cases, await _portal.CaseCountAsync());

        // A member who works on no case gets 404.
        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Import)).StatusCode);
    }
}
