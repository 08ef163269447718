using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Host.Reports;
using Modular.Sdk;

namespace Modular.Tests.Reports;

/// <summary>The monthly report's rules: which sections answer, which month and organisation; the Word renderer's layout.</summary>
public sealed class MonthlyReportRulesTests
{
    private sealed class Section(string moduleId, int order, string? permission = null) : IReportSection
    {
        public string ModuleId => moduleId;
        public int Order => order;
        public string? Permission => permission;
        public Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken) =>
            Task.FromResult<ReportSectionContent?>(new ReportSectionContent(moduleId));
    }

    [Fact]
    public void Only_sections_of_modules_that_are_on_and_whose_permission_the_user_holds_answer_in_their_order()
    {
        IReportSection[] sections = [new Section("volunteer", 30), new Section("org-life", 10, "org-life.record"), new Section("integrity", 40, "integrity.view"), new Section("off", 5)];
        var on = new HashSet<string> { "volunteer", "org-life", "integrity" };
        var granted = new HashSet<string> { "org-life.record" };

        var applicable = MonthlyReportRules.Applicable(sections, on.Contains, granted.Contains);

        Assert.Equal(["org-life", "volunteer"], applicable.Select(s => s.ModuleId));
        Assert.Empty(MonthlyReportRules.Applicable(sections, _ => false, _ => true));
    }

    [Theory]
    [InlineData(null, "2026-05")]
    [InlineData("", "2026-05")]
    [InlineData("2026-05", "2026-05")]
    [InlineData(" 2025-12 ", "2025-12")]
    [InlineData("2000-01", "2000-01")]
    public void A_month_is_read_from_the_month_field_and_defaults_to_the_current_one(string? text, string expected)
    {
        var (period, problem) = MonthlyReportRules.Month(text, new DateOnly(2026, 5, 13));
        Assert.Null(problem);
        Assert.Equal(expected, period!.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("1999-12")]
    [InlineData("abc")]
    [InlineData("2026-5")]
    [InlineData("+2026-05")]
    [InlineData("2026-06")]
    [InlineData("2099-01")]
    public void A_month_that_is_no_month_or_has_not_begun_is_a_problem_on_the_month_field(string text)
    {
        var (period, problem) = MonthlyReportRules.Month(text, new DateOnly(2026, 5, 13));
        Assert.Null(period);
        Assert.Equal("Month", problem!.Field);
    }

    [Fact]
    public void A_period_knows_its_days()
    {
        var feb = new ReportPeriod(2028, 2);
        Assert.Equal(new DateOnly(2028, 2, 29), feb.Last);
        Assert.True(feb.Contains(new DateOnly(2028, 2, 1)) && !feb.Contains(new DateOnly(2028, 3, 1)));
        Assert.Equal(new DateTime(2028, 3, 1), feb.End);
        Assert.Equal("2028年2月", feb.Zh);
    }

    private static readonly OrganizationInfo Committee = new(1, null, OrganizationKind.AgencyCommittee, "机关党委", false, null, null);
    private static readonly OrganizationInfo General = new(2, 1, OrganizationKind.GeneralBranch, "第一党总支", false, null, null);
    private static readonly OrganizationInfo BranchA = new(3, 2, OrganizationKind.Branch, "第一党支部", false, null, null);
    private static readonly OrganizationInfo GroupA = new(4, 3, OrganizationKind.PartyGroup, "第一党小组", false, null, null);
    private static readonly OrganizationInfo BranchB = new(5, 1, OrganizationKind.Branch, "第二党支部", false, null, null);
    private static readonly OrganizationInfo[] Tree = [Committee, General, BranchA, GroupA, BranchB];

    [Fact]
    public void An_organisations_report_covers_everything_under_it_and_the_committees_report_is_the_agencys()
    {
        var general = MonthlyReportRules.ScopeOf(General, Tree);
        Assert.Equal([2, 3, 4], general.OrganizationIds.Order());
        Assert.True(general.Includes(4));
        Assert.False(general.Includes(5));
        Assert.False(general.Includes(null)); // agency-wide records are not a general branch's

        var agency = MonthlyReportRules.ScopeOf(Committee, Tree);
        Assert.True(agency.IsAgencyWide);
        Assert.True(agency.Includes(null) && agency.Includes(5));
    }

    [Fact]
    public void Reports_are_made_for_the_organisations_the_user_sees_but_not_for_party_groups()
    {
        var secretary = new DataScope(false, new HashSet<int> { 3, 4 }, 10);
        Assert.Equal([3], MonthlyReportRules.Reportable(Tree, secretary).Select(o => o.Id));
        var office = new DataScope(true, new HashSet<int>(), null);
        Assert.Equal([1, 2, 3, 5], MonthlyReportRules.Reportable(Tree, office).Select(o => o.Id));
    }

    [Fact]
    public void The_word_renderer_writes_an_a4_document_in_official_fonts_with_its_headings_tables_and_signature()
    {
        var doc = new WordDocument("机关党委2026年5月工作月报") { Subtitle = "（2026年5月1日至2026年5月31日）" }
            .Heading("一、组织生活").Paragraph("召开会议12次；参会率93%。")
            .Heading("（一）会议记录", 2).Table(["日期", "主题"], [["2026-05-08", "学习党章"], ["2026-05-20"]])
            .Signature("机关党委", new DateOnly(2026, 5, 31));

        var bytes = new WordRenderer().Render(doc);

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = word.MainDocumentPart!;
        var body = main.Document.Body!;
        var texts = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("机关党委2026年5月工作月报", texts[0]);
        Assert.Contains("召开会议12次；参会率93%。", texts);
        Assert.Contains("2026年5月31日", texts);
        var table = body.Elements<Table>().Single();
        Assert.Equal(3, table.Elements<TableRow>().Count());
        Assert.Equal("学习党章", table.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Last().InnerText);
        Assert.Equal(2, table.Elements<TableRow>().Last().Elements<TableCell>().Count()); // a short row keeps its cells

        var size = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var styles = main.StyleDefinitionsPart!.Styles!;
        string Font(string id) => styles.Elements<Style>().Single(s => s.StyleId == id).StyleRunProperties!.RunFonts!.EastAsia!;
        Assert.Equal("黑体", Font("Heading1"));
        Assert.Equal("仿宋", Font("Normal"));
        Assert.Equal("宋体", Font("DocTitle"));
        Assert.Equal("Heading1", body.Elements<Paragraph>().First(p => p.InnerText == "一、组织生活").ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void The_excel_workbook_has_a_summary_and_a_sheet_per_table_with_names_excel_accepts()
    {
        var section = new ReportSectionContent(new LocalizedText("组织生活/会议"))
        {
            Figures = { new ReportFigure("召开会议", 3, "次"), new ReportFigure("参会率", null, "%") },
            Tables =
            {
                new ReportTable("按类型统计：很长很长很长很长很长很长很长很长很长的表名", [new("类型"), new("次数")], [["党课", "1"]]),
                new ReportTable("按类型统计：很长很长很长很长很长很长很长很长很长的表名", [new("类型")], []),
            },
        };
        var report = new MonthlyReport(new ReportPeriod(2026, 5), ReportScope.Agency, "示范单位", [section], new DateOnly(2026, 5, 31));

        var bytes = MonthlyReportFiles.Excel(report);

        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(3, sheets.Count);
        Assert.Equal("汇总", sheets[0]);
        Assert.All(sheets, s => Assert.True(s.Length <= 31 && s.IndexOfAny(['/', ':', '[', ']', '*', '?', '\\']) < 0, s));
        var summary = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3m, Convert.ToDecimal(summary[0]["数值"]));
        Assert.Null(summary[1]["数值"]);
    }
}
