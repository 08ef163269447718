using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>A branch's year written out: the work manual in Word and the records in Excel, for those who keep them.</summary>
public sealed class OrgLifeExportTests : IClassFixture<OrgLifeTests.Portal>
{
    private readonly OrgLifeTests.Portal _portal;
    public OrgLifeExportTests(OrgLifeTests.Portal portal) => _portal = portal;

    [Fact]
    public async Task The_secretary_exports_their_branchs_year_and_nobody_else_does()
    {
        var office = await _portal.SignedInAsync("office");
        var meetings = System.Text.Json.JsonDocument.Parse(await office.GetStringAsync("/m/org-life/api/meetings")).RootElement.EnumerateArray().ToList();
        var secretary = await _portal.SignedInAsync("secretary");
        var mine = System.Text.Json.JsonDocument.Parse(await secretary.GetStringAsync("/m/org-life/api/meetings")).RootElement.EnumerateArray().First().GetProperty("branchId").GetInt32();
        var other = meetings.Select(m => m.GetProperty("branchId").GetInt32()).First(b => b != mine);
        var year = _portal.Today.Year;

        var word = await secretary.GetAsync($"/m/org-life/api/branches/{mine}/manual.docx?year={year}");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using (var zip = new System.IO.Compression.ZipArchive(await word.Content.ReadAsStreamAsync()))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains($"{year}年党支部工作手册", xml);
            Assert.Contains("支部委员会记录", xml);
            Assert.Contains("民主评议党员结果", xml);
        }
        var excel = await secretary.GetAsync($"/m/org-life/api/branches/{mine}/records.xlsx?year={year}");
        var rows = MiniExcelLibs.MiniExcel.Query(await excel.Content.ReadAsStreamAsync(), useHeaderRow: true, sheetName: "会议记录").Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r["类型"]?.ToString() == "主题党日");
        // The demo's theme Party day held two days after its fixed day says so.
        Assert.Contains(rows, r => r["类型"]?.ToString() == "主题党日" && r["日期"]?.ToString()?.Contains("（改期，固定日 ") == true);

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/api/branches/{other}/manual.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync($"/m/org-life/api/branches/{mine}/records.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/m/org-life/api/branches/{other}/records.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync($"/m/org-life/api/branches/{other}/records.xlsx?year=0")).StatusCode);
    }
}
