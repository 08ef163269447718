using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Dues;

/// <summary>
/// The dues module through its pages on the real host: bases by the office, payments by the branch's collector with the
/// rules by date and receipts, the member's own view, imports, the publication and the export, and another agency's ids.
/// </summary>
public sealed class DuesTests(DuesTests.Portal portal) : IClassFixture<DuesTests.Portal>
{
    public sealed class Portal() : PortalFactory("dues");

    private DateOnly Today => portal.Today;
    private static string Member(int id) => $"/m/dues/Members/Details/{id}";
    private static string Month(DateOnly d) => d.ToString("yyyy-MM");

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static Task<HttpResponseMessage> BaseAsync(HttpClient office, int member, int year, string category, string? value) =>
        office.PostFormAsync(Member(member), new Dictionary<string, string>
        {
            ["BaseForm.Year"] = year.ToString(), ["BaseForm.Category"] = category, ["BaseForm.Base"] = value ?? "",
        }, Member(member) + "?handler=Base");

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, int member, DateOnly paidOn, DateOnly first, int months, string amount,
        string mode = "Monthly", string? approved = null, string? proxy = null) =>
        client.PostFormAsync(Member(member), new Dictionary<string, string>
        {
            ["Payment.PaidOn"] = paidOn.ToString("yyyy-MM-dd"), ["Payment.FirstMonth"] = Month(first), ["Payment.MonthCount"] = months.ToString(),
            ["Payment.Amount"] = amount, ["Payment.Mode"] = mode, ["Payment.Channel"] = "Cash", ["Payment.ApprovedOn"] = approved ?? "", ["Payment.ProxyName"] = proxy ?? "",
        }, Member(member) + "?handler=Payment");

    /// <summary>A full member added to 第一党支部 (whose secretary collects), with the office's base for this year.</summary>
    private async Task<int> PayerAsync(HttpClient office, string name, string value = "6000")
    {
        var id = await portal.AddPersonAsync(name, Today.AddYears(-40), MemberStage.FullMember);
        await Ok(await BaseAsync(office, id, Today.Year, "Employed", value));
        return id;
    }

    [Fact]
    public async Task The_office_records_a_base_whose_amount_is_fixed_for_the_year_and_a_change_goes_to_next_year()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "党费基数甲", "5000.01");
        var page = await office.GetStringAsync(Member(id));
        Assert.Contains("75.00", page);
        Assert.Contains("1.5%", page);

        var again = await BaseAsync(office, id, Today.Year, "Employed", "8000");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains($"{Today.Year} 年的交纳额已在年初核定，全年不变：请将新基数录入 {Today.Year + 1} 年", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.DuesBasesOfAsync(id));
        await Ok(await BaseAsync(office, id, Today.Year + 1, "Employed", "8000"));
        Assert.Equal(2, await portal.DuesBasesOfAsync(id));
        Assert.Contains("75.00", await office.GetStringAsync(Member(id)));

        var bad = await BaseAsync(office, id, Today.Year - 1, "Employed", "abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写每月交纳基数", await bad.Content.ReadAsStringAsync());
        Assert.Equal(2, await portal.DuesBasesOfAsync(id));
    }

    [Fact]
    public async Task The_collector_records_payments_by_the_rules_and_the_member_gets_a_receipt()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "党费交纳乙");
        var secretary = await portal.SignedInAsync("secretary");
        var january = new DateOnly(Today.Year, 1, 1);
        var four = Months(january, Today);

        // Not in full, then in full.
        var part = await PayAsync(secretary, id, Today, january, four, "10");
        Assert.Equal(HttpStatusCode.BadRequest, part.StatusCode);
        Assert.Contains($"党费须足额交纳：{four} 个月应交 {four * 90:0.00} 元", await part.Content.ReadAsStringAsync());
        var paid = await PayAsync(secretary, id, Today, january, four, (four * 90).ToString());
        await Ok(paid);
        Assert.Equal(Enumerable.Range(0, four).Select(i => Month(january.AddMonths(i))).ToList(), await portal.PaidMonthsAsync(id));
        var receipt = paid.Headers.Location!.OriginalString;
        var receiptPage = await secretary.GetStringAsync(receipt);
        Assert.Contains("党费收据", receiptPage);
        Assert.Contains("党费交纳乙", receiptPage);
        var word = await secretary.GetAsync(receipt + "?handler=Word");
        Assert.Equal(OfficeFiles.WordContentType, word.Content.Headers.ContentType!.MediaType);

        // A month paid once; paying ahead only quarterly with the branch's approval.
        var twice = await PayAsync(secretary, id, Today, january, 1, "90");
        Assert.Contains($"{Month(january)} 已交纳", await twice.Content.ReadAsStringAsync());
        var next = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        var ahead = await PayAsync(secretary, id, Today, next, 1, "90");
        Assert.Contains("属于预交", await ahead.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.PaymentCountAsync(id));

        // The member sees the receipt of their own payment only: someone else gets 404, and cannot pay.
        var member = await portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Member(id))).StatusCode);
        var own = await member.GetAsync("/m/dues/Mine");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var ownPage = await member.GetStringAsync(own.Headers.Location!.OriginalString);
        Assert.Contains("李晓梅", ownPage);
        Assert.DoesNotContain("record-payment", ownPage);
    }

    private static int Months(DateOnly from, DateOnly today) => (today.Year - from.Year) * 12 + today.Month - from.Month;

    [Fact]
    public async Task Back_payment_reaches_six_months_and_not_seven()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "党费补交丙");
        await Ok(await BaseAsync(office, id, Today.Year - 1, "Retired", "5000"));
        var secretary = await portal.SignedInAsync("secretary");
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var seven = await PayAsync(secretary, id, Today, thisMonth.AddMonths(-7), 1, "25");
        Assert.Equal(HttpStatusCode.BadRequest, seven.StatusCode);
        Assert.Contains($"补交党费最多 6 个月：{Today:yyyy-MM-dd} 交纳时最早可补交 {Month(thisMonth.AddMonths(-6))}", await seven.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.PaymentCountAsync(id));
        var six = thisMonth.AddMonths(-6);
        await Ok(await PayAsync(secretary, id, Today, six, 1, six.Year < Today.Year ? "25" : "90"));
        Assert.Equal([Month(six)], await portal.PaidMonthsAsync(id));
    }

    [Fact]
    public async Task Only_the_branch_s_collector_and_the_office_record_payments()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "党费权限丁");
        var member = await portal.SignedInAsync("member");
        var january = new DateOnly(Today.Year, 1, 1);
        // The member has no form to post from; a forged post answers 404.
        var own = (await member.GetAsync("/m/dues/Mine")).Headers.Location!.OriginalString;
        var token = await member.TokenAsync(own);
        var forged = await member.PostAsync(Member(id) + "?handler=Payment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Payment.PaidOn"] = Today.ToString("yyyy-MM-dd"), ["Payment.FirstMonth"] = Month(january),
            ["Payment.MonthCount"] = "1", ["Payment.Amount"] = "90",
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await portal.PaymentCountAsync(id));
        // Collection pages are the collectors' only.
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/m/dues")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/m/dues/Reports")).StatusCode);
        await Ok(await PayAsync(office, id, Today, january, 1, "90"));
    }

    [Fact]
    public async Task Another_agency_gets_404_for_the_members_and_receipts_of_this_one()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "党费隔离戊");
        await Ok(await PayAsync(office, id, Today, new DateOnly(Today.Year, 1, 1), 1, "90"));
        var payment = await portal.LastPaymentAsync(id);
        await portal.CreateAgencyAsync("DUESB", "dues-b", $"{Roles.AgencyAdmin},{Roles.Member}", "dues");
        var other = await portal.SignedInAsync("dues-b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Member(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/dues/Receipts/{payment}")).StatusCode);
        Assert.DoesNotContain("党费隔离戊", await other.GetStringAsync("/m/dues"));
        // The platform's administrator belongs to no agency: no dues page answers.
        var admin = await portal.SignedInAsync("admin");
        foreach (var url in new[] { Member(id), $"/m/dues/Receipts/{payment}", "/m/dues/Reports", "/m/dues" })
            Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Each_demo_agency_has_a_year_of_payments_members_behind_one_flagged_one_exemption_and_a_publication_in_Word()
    {
        var agency = await portal.DemoAgencyIdAsync();
        Assert.True(await portal.PaymentsOfAgencyAsync(agency) > 100);
        Assert.Equal(1, await portal.HardshipsOfAgencyAsync(agency));
        var office = await portal.SignedInAsync("office");
        var list = await office.GetStringAsync("/m/dues?level=Flagged");
        Assert.Contains("连续6个月未交", list);
        Assert.Matches("data-level=\"Flagged\">[1-9]", list);
        Assert.Matches("data-level=\"Warning\">[1-9]", list);

        var member = await portal.SignedInAsync("member");
        var published = await member.GetStringAsync($"/m/dues/Publication?year={Today.Year - 1}");
        Assert.Contains("公布日期", published);
        Assert.Contains("第一党支部", published);
        var word = await member.GetAsync($"/m/dues/Publication?year={Today.Year - 1}&handler=Word");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal(OfficeFiles.WordContentType, word.Content.Headers.ContentType!.MediaType);
        // This year is not published: members see nothing of it.
        Assert.DoesNotContain("data-testid=\"publication\"", await member.GetStringAsync($"/m/dues/Publication?year={Today.Year}"));
    }

    private static ByteArrayContent Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new(OfficeFiles.ExcelContentType);
        return content;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, ByteArrayContent file, Dictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(await client.TokenAsync(url)), "__RequestVerificationToken" }, { file, "Upload", "sheet.xlsx" } };
        foreach (var (k, v) in fields ?? []) form.Add(new StringContent(v), k);
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task A_bases_sheet_is_imported_only_when_every_row_is_valid()
    {
        var office = await portal.SignedInAsync("office");
        var a = await portal.AddPersonAsync("导入基数己", Today.AddYears(-30), MemberStage.FullMember);
        var b = await portal.AddPersonAsync("导入基数庚", Today.AddYears(-30), MemberStage.ProbationaryMember);
        var year = Today.Year + 1;
        var before = await portal.DuesBaseCountAsync(year);
        Dictionary<string, object?> Row(object number, string category, object? value) => new() { ["党员编号"] = number, ["姓名"] = "", ["人员类别"] = category, ["缴费基数（元）"] = value };

        var bad = await UploadAsync(office, "/m/dues/Bases/Import", Sheet([Row(a, "在职", 6000), Row(b, "干部", 4000)]), new() { ["Year"] = year.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("未导入任何数据", html);
        Assert.Contains("<td>3</td><td>人员类别</td>", html);
        Assert.Equal(before, await portal.DuesBaseCountAsync(year));

        await Ok(await UploadAsync(office, "/m/dues/Bases/Import", Sheet([Row(a, "在职", 6000), Row(b, "学生", null)]), new() { ["Year"] = year.ToString() }));
        Assert.Equal(before + 2, await portal.DuesBaseCountAsync(year));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/dues/Bases/Import?handler=Template")).StatusCode);
    }

    [Fact]
    public async Task A_bank_statement_records_the_lines_that_match_and_lists_the_others()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "银行流水辛");
        var secretary = await portal.SignedInAsync("secretary");
        var day = Today.ToString("yyyy-MM-dd");
        Dictionary<string, object?> Line(object? number, string name, object amount) => new() { ["党员编号"] = number, ["姓名"] = name, ["金额（元）"] = amount, ["交易日期"] = day };
        var response = await UploadAsync(secretary, "/m/dues/Payments/Import", Sheet([Line(id, "", 180m), Line(id, "", 77m), Line(null, "查无此人", 90m)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已登记：1 笔", html);
        Assert.Contains("未匹配：2 行", html);
        Assert.Contains("本单位没有名为 查无此人 的党员", html);
        var january = new DateOnly(Today.Year, 1, 1);
        Assert.Equal([Month(january), Month(january.AddMonths(1))], await portal.PaidMonthsAsync(id));
    }

    [Fact]
    public async Task The_year_exports_as_the_statistics_table_with_a_total()
    {
        var office = await portal.SignedInAsync("office");
        var response = await office.GetAsync($"/m/dues/Reports?handler=Excel&year={Today.Year}");
        Assert.Equal(OfficeFiles.ExcelContentType, response.Content.Headers.ContentType!.MediaType);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["序号", "党组织名称", "应交纳党费党员数（人）", "已交清党员数（人）", "欠交党员数（人）", "应交党费（元）", "实交党费（元）", "欠交党费（元）", "上缴党费（元）", "留存使用（元）", "备注"], rows[0].Keys);
        Assert.Equal("合计", rows[^1]["党组织名称"]);
        Assert.Contains(rows, r => Equals(r["党组织名称"], "第一党支部"));
        Assert.Contains("第一党支部", await office.GetStringAsync("/m/dues/Reports"));
    }

    [Fact]
    public async Task A_hardship_exemption_needs_the_branch_the_higher_committee_and_a_reason_and_keeps_its_evidence()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "困难党员壬");
        var url = Member(id);
        async Task<HttpResponseMessage> Post(string reason, string approvedOn)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(await office.TokenAsync(url)), "__RequestVerificationToken" },
                { new StringContent(Today.Year.ToString()), "Hardship.Year" }, { new StringContent("Exempt"), "Hardship.Kind" },
                { new StringContent(Month(new DateOnly(Today.Year, 1, 1))), "Hardship.FromMonth" }, { new StringContent(reason), "Hardship.Reason" },
                { new StringContent(Today.AddDays(-20).ToString("yyyy-MM-dd")), "Hardship.BranchAgreedOn" }, { new StringContent(approvedOn), "Hardship.ApprovedOn" },
                { new StringContent("机关党委"), "Hardship.ApprovedBy" },
            };
            var file = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray());
            file.Headers.ContentType = new("application/pdf");
            form.Add(file, "Files", "支部会议记录.pdf");
            return await office.PostAsync(url + "?handler=Hardship", form);
        }
        var noReason = await Post("", Today.AddDays(-30).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("请填写困难原因", html);
        Assert.Contains("上级党委批准应在支部同意之后", html);
        Assert.Equal(0, await portal.IntAsync("SELECT COUNT(*) FROM dues_hardship WHERE \"MemberId\" = @m", ("m", id)));

        await Ok(await Post("家属重病，经济困难", Today.AddDays(-5).ToString("yyyy-MM-dd")));
        var page = await office.GetStringAsync(url);
        Assert.Contains("免交", page);
        Assert.Contains("支部会议记录.pdf", page);
        Assert.Contains("data-testid=\"monthly\">0.00", page);
        // Nothing is owed while exempt: no payment can be recorded for those months.
        var secretary = await portal.SignedInAsync("secretary");
        var pay = await PayAsync(secretary, id, Today, new DateOnly(Today.Year, 1, 1), 1, "90");
        Assert.Contains("这些月份无需交纳（免交）", await pay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_office_names_a_collector_who_then_works_on_that_branch_only()
    {
        var office = await portal.SignedInAsync("office");
        var jijian = await portal.SignedInAsync("jijian");
        // 刘纪平 collects nowhere yet: the collection list sends him to his own dues.
        Assert.Equal(HttpStatusCode.Redirect, (await jijian.GetAsync("/m/dues")).StatusCode);
        var own = int.Parse((await jijian.GetAsync("/m/dues/Mine")).Headers.Location!.OriginalString.Split('/')[^1]);
        var branch = await portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Id\" = @m", ("m", own));
        var elsewhere = await PayerAsync(office, "外支部党员癸");
        var wrong = await office.PostFormAsync("/m/dues/Collectors", new Dictionary<string, string> { ["BranchId"] = branch.ToString(), ["MemberId"] = elsewhere.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        await Ok(await office.PostFormAsync("/m/dues/Collectors", new Dictionary<string, string> { ["BranchId"] = branch.ToString(), ["MemberId"] = own.ToString() }));
        var list = await jijian.GetAsync("/m/dues");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("王建华", html); // the office's clerk pays in the same branch
        Assert.DoesNotContain("张国强", html); // the first branch's secretary does not
        Assert.Equal(HttpStatusCode.NotFound, (await jijian.GetAsync(Member(elsewhere))).StatusCode);
    }

    [Fact]
    public async Task Arrears_reach_the_to_do_centre_the_dashboard_and_the_monthly_report()
    {
        var office = await portal.SignedInAsync("office");
        // Bases since last January and nothing paid: far more than six months in a row.
        var id = await PayerAsync(office, "欠缴党员子");
        await Ok(await BaseAsync(office, id, Today.Year - 1, "Employed", "6000"));
        var secretary = await portal.SignedInAsync("secretary");
        Assert.Contains("欠缴党员子：连续6个月未交党费", await secretary.GetStringAsync("/Todo"));
        Assert.Contains("连续6个月未交党费", await office.GetStringAsync("/Todo"));
        Assert.Contains("连续6个月未交", await office.GetStringAsync("/"));
        var last = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var report = await office.GetStringAsync($"/Reports/Monthly?month={Month(last)}");
        Assert.Contains("党费收缴", report);
        Assert.Contains("欠交人数", report);
    }

    [Fact]
    public async Task Money_handed_up_is_recorded_by_date_and_amount_and_shows_in_the_year()
    {
        var office = await portal.SignedInAsync("office");
        var date = Today.AddDays(-1);
        var bad = await office.PostFormAsync("/m/dues/Uses", new Dictionary<string, string> { ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Kind"] = "HandedUp", ["Input.Amount"] = "-5" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写大于0的金额", await bad.Content.ReadAsStringAsync());
        await Ok(await office.PostFormAsync("/m/dues/Uses", new Dictionary<string, string>
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Kind"] = "HandedUp", ["Input.Amount"] = "12345.67", ["Input.Note"] = "测试上缴",
        }));
        Assert.Contains("12345.67", await office.GetStringAsync($"/m/dues/Uses?year={date.Year}"));
    }

    [Fact]
    public async Task The_paid_through_month_is_a_shared_record_for_transfer_letters()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PayerAsync(office, "组织关系转接丑");
        var january = new DateOnly(Today.Year, 1, 1);
        await Ok(await PayAsync(office, id, Today, january, 2, "180"));
        var agency = await portal.DemoAgencyIdAsync();
        var user = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync());
        var branch = await portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Id\" = @m", ("m", id));

        // As the office's session would see it: the host's ISharedRecords over the module's source.
        await using var scope = portal.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity([new(ClaimTypes.NameIdentifier, user), new(PortalClaims.AgencyId, agency.ToString()),
            new(PortalClaims.AgencyRole, Roles.AgencyAdmin), new(PortalClaims.AgencyRole, Roles.Member)], "test");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        var records = scope.ServiceProvider.GetRequiredService<ISharedRecords>();
        Assert.True(records.IsAvailable(SharedRecordKinds.DuesPaidThrough));
        var found = await records.GetAsync(SharedRecordKinds.DuesPaidThrough, [id.ToString(), "999999"]);
        var record = Assert.Single(found).Value;
        Assert.Equal(id.ToString(), record.Id);
        Assert.Equal("组织关系转接丑", record.Title);
        Assert.Equal(january.AddMonths(2).AddDays(-1), record.Date);
        Assert.Equal(branch, record.OrganizationId);
    }
}
