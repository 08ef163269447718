using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

/// <summary>Excel import: all rows checked first, every problem by row and column, nothing imported on any error.</summary>
public sealed class MemberImportTests : IClassFixture<MemberImportTests.Portal>
{
    public sealed class Portal() : PortalFactory();

    private readonly Portal _portal;
    public MemberImportTests(Portal portal) => _portal = portal;

    private static ByteArrayContent Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, ByteArrayContent file)
    {
        var token = await client.TokenAsync("/Directory/Members/Import");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", "members.xlsx" } };
        return await client.PostAsync("/Directory/Members/Import", form);
    }

    private Task<int> CountAsync() => _portal.WithDbAsync(async _ =>
    {
        using var s = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.CountAsync();
    });

    private static Dictionary<string, object?> Row(string name, string org, string? id = null, string? phone = null, string? status = "正式党员") => new()
    {
        ["姓名"] = name, ["性别"] = "女", ["民族"] = "汉族", ["出生日期"] = null, ["公民身份号码"] = id, ["手机号码"] = phone, ["学历"] = "大学本科",
        ["职务职级"] = "科员", ["所在党组织"] = org, ["党小组"] = null, ["状态"] = status, ["入党日期"] = "2012-07-01", ["转正日期"] = "2013-07-01", ["领导干部"] = "否",
    };

    [Fact]
    public async Task One_bad_row_stops_the_whole_import_and_every_problem_is_listed()
    {
        var office = await _portal.SignedInAsync("office");
        var template = await office.GetAsync("/Directory/Members/Import?handler=Template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);

        var before = await CountAsync();
        var response = await UploadAsync(office, Xlsx([
            Row("孙丽", "第二党支部", "11010519491231002X", "13912345678"),
            Row("周强", "不存在的支部", "110105194912310021", "1391234"),
            Row("", "第二党支部", "11010519491231002X", status: "党外人士"),
        ]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未导入任何数据", html);
        var problems = Regex.Matches(html, "<tr><td data-label=\"行\">(\\d+)</td><td data-label=\"列\">([^<]*)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Contains(("3", "所在党组织"), problems);
        Assert.Contains(("3", "公民身份号码"), problems);
        Assert.Contains(("3", "手机号码"), problems);
        Assert.Contains(("4", "姓名"), problems);
        Assert.Contains(("4", "公民身份号码"), problems); // the same number as row 2
        Assert.Contains(("4", "状态"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == "2");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_import_applies_the_same_date_rules_as_the_form()
    {
        var office = await _portal.SignedInAsync("office");
        var young = Row("马晓", "第二党支部", "11010519491231002X"); // born 1949-12-31
        young["入党日期"] = "1960-07-01"; // at ten
        young["转正日期"] = "1961-07-01";
        var future = Row("钱进", "第二党支部");
        future["入党日期"] = _portal.Today.AddDays(3).ToString("yyyy-MM-dd");
        future["转正日期"] = null;
        var html = await (await UploadAsync(office, Xlsx([young, future]))).Content.ReadAsStringAsync();
        Assert.Contains("入党时须年满 18 周岁。", html);
        Assert.Contains("日期不能晚于今天。", html);
        Assert.Contains("未导入任何数据", html);
    }

    private Task<Dictionary<string, (MemberStage, MemberSituation)>> StagesAsync(params string[] names) => _portal.WithDbAsync(async _ =>
    {
        using var s = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.Where(m => names.Contains(m.Name))
            .ToDictionaryAsync(m => m.Name, m => (m.Stage, m.Situation));
    });

    [Fact]
    public async Task A_valid_file_is_imported_whole()
    {
        var office = await _portal.SignedInAsync("office");
        var before = await CountAsync();
        // The old template's one 状态 column still reads: a mobile member is a full member who is away.
        var probationary = Row("吴刚", "第一党支部", phone: "13712345678", status: "预备党员");
        (probationary["入党日期"], probationary["转正日期"]) = ("2025-12-01", null);
        var response = await UploadAsync(office, Xlsx([
            Row("钱敏", "第二党支部", "11010519491231002X", "13912345678"),
            probationary,
            Row("褚远", "第二党支部", status: "流动党员"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 3, await CountAsync());
        Assert.Contains("139****5678", await office.GetStringAsync("/Directory/Members?q=钱敏"));
        var stages = await StagesAsync("钱敏", "吴刚", "褚远");
        Assert.Equal((MemberStage.FullMember, MemberSituation.Normal), stages["钱敏"]);
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.Normal), stages["吴刚"]);
        Assert.Equal((MemberStage.FullMember, MemberSituation.Mobile), stages["褚远"]);
    }

    [Fact]
    public async Task The_new_template_reads_stage_and_situation_in_two_columns()
    {
        var office = await _portal.SignedInAsync("office");
        Dictionary<string, object?> Probationary(string name, string situation)
        {
            var row = Row(name, "第二党支部", status: null);
            row.Remove("状态");
            (row["阶段"], row["情况"], row["情况起始日期"]) = ("预备党员", situation, "2026-03-01");
            (row["入党日期"], row["转正日期"]) = ("2025-10-01", null);
            return row;
        }
        var rows = new[] { Probationary("蒋外出", "出国（境）"), Probationary("沈不明", "出差") };
        var html = await (await UploadAsync(office, Xlsx(rows))).Content.ReadAsStringAsync();
        Assert.Contains("情况应为：正常、流动、失联", html);
        Assert.Contains("未导入任何数据", html);

        var response = await UploadAsync(office, Xlsx(rows.Take(1)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.Abroad), (await StagesAsync("蒋外出"))["蒋外出"]);
    }

    [Fact]
    public async Task Not_an_Excel_file_gets_a_clear_message()
    {
        var office = await _portal.SignedInAsync("office");
        var content = new ByteArrayContent("not a spreadsheet"u8.ToArray());
        var response = await UploadAsync(office, content);
        Assert.Contains("无法读取该文件", await response.Content.ReadAsStringAsync());
    }
}
