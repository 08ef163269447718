using System.Net;
using Modular.Modules.Supervision.Rules;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>The yearly task list from the Excel template: every row checked, problems by row and column, nothing imported unless all rows are valid.</summary>
public sealed class TaskImportTests(SupervisionTests.Portal portal) : IClassFixture<SupervisionTests.Portal>
{
    private static readonly Dictionary<string, IReadOnlyList<int>> Orgs = new() { ["第一党支部"] = [11], ["同名支部"] = [12, 13] };
    private static readonly Dictionary<string, IReadOnlyList<int>> People = new() { ["王建华"] = [5] };

    private static IDictionary<string, object?> Row(string? title, string? org, string? owner, object? deadline) => new Dictionary<string, object?>
    {
        [TaskSheet.Title] = title, [TaskSheet.Source] = null, [TaskSheet.Organization] = org, [TaskSheet.Owner] = owner, [TaskSheet.Deadline] = deadline, [TaskSheet.Evidence] = null,
    };

    [Fact]
    public void Each_bad_cell_is_named_by_row_and_column_and_no_row_is_kept()
    {
        var outcome = TaskSheet.Check([
            Row("任务一", "第一党支部", null, "2026-06-30"),
            Row("", "无此支部", null, "2026-13-01"),
            Row("任务三", "同名支部", "赵六", new DateTime(2027, 1, 5)),
            Row("任务一", null, null, 46000d),
        ], 2026, Orgs, People);
        Assert.Empty(outcome.Rows);
        var found = outcome.Problems.Select(p => (p.Row, p.Column, p.Message)).ToList();
        Assert.Contains((3, TaskSheet.Title, "Please enter the task."), found);
        Assert.Contains((3, TaskSheet.Organization, "No organisation named “{0}” in this agency."), found);
        Assert.Contains((3, TaskSheet.Deadline, "Please enter a valid date."), found);
        Assert.Contains((4, TaskSheet.Organization, "More than one organisation is named “{0}”: leave the cell empty and choose it on the task's page."), found);
        Assert.Contains((4, TaskSheet.Owner, "No member named “{0}” in this agency."), found);
        Assert.Contains((4, TaskSheet.Deadline, "The deadline must fall in the list's year ({0})."), found);
        Assert.Contains((5, TaskSheet.Organization, "Please choose the owner organisation or the owner person."), found);
        Assert.Contains((5, TaskSheet.Title, "The same task as row {0}."), found);
        Assert.DoesNotContain(found, p => p.Row == 2);
    }

    [Fact]
    public void Valid_rows_are_all_kept_with_their_owners_and_dates_and_blank_lines_skipped()
    {
        var outcome = TaskSheet.Check([Row("任务一", "第一党支部", null, "2026/6/30"), Row(null, null, null, null), Row("任务二", null, "王建华", new DateTime(2026, 12, 31))], 2026, Orgs, People);
        Assert.Empty(outcome.Problems);
        Assert.Equal([(2, (int?)11, (int?)null, new DateOnly(2026, 6, 30)), (4, null, 5, new DateOnly(2026, 12, 31))],
            outcome.Rows.Select(r => (r.Line, r.Input.OwnerOrganizationId, r.Input.OwnerMemberId, r.Input.Deadline!.Value)).ToList());
    }

    [Fact]
    public async Task The_office_imports_the_template_and_a_sheet_with_one_bad_row_imports_nothing()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var year = portal.Today.Year;
        var office = await portal.SignedInAsync("office");
        var template = await office.GetByteArrayAsync($"/m/supervision/Tasks/Import?handler=Template&year={year}");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(TaskSheet.Columns, rows[0].Keys);
        string Count() => "SELECT COUNT(*) FROM sup_task WHERE \"AgencyId\" = @a";
        var before = await portal.IntAsync(Count(), ("a", demo));

        var bad = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        bad[1][TaskSheet.Owner] = "查无此人";
        var refused = await UploadAsync(office, year, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<td data-label=\"行\">3</td><td data-label=\"列\">责任人</td>", html);
        Assert.Contains("本单位没有名为“查无此人”的党员。", html);
        Assert.Equal(before, await portal.IntAsync(Count(), ("a", demo)));
        // A member who is not the office cannot import.
        var member = await portal.SignedInAsync("member");
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/m/supervision/Tasks/Import")).StatusCode);

        var ok = await UploadAsync(office, year, rows);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(before + 2, await portal.IntAsync(Count(), ("a", demo)));
        Assert.Contains(rows[0][TaskSheet.Title]!.ToString()!, await office.GetStringAsync($"/m/supervision?year={year}"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, IEnumerable<Dictionary<string, object?>> rows)
    {
        var token = await client.TokenAsync("/m/supervision/Tasks/Import");
        using var sheet = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(sheet, rows);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year.ToString()), "Year" } };
        form.Add(new ByteArrayContent(sheet.ToArray()), "Upload", "tasks.xlsx");
        return await client.PostAsync("/m/supervision/Tasks/Import", form);
    }
}
