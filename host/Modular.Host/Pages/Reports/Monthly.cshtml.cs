using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Reports;
using Modular.Sdk;

namespace Modular.Host.Pages.Reports;

/// <summary>
/// 工作月报: a month's report of the whole agency or one organisation, from the records of the modules that are on, shown
/// here and downloaded as Word or Excel. The Party office picks any organisation; secretaries and committee members theirs.
/// </summary>
public sealed class MonthlyModel(MonthlyReportService reports, MonthlyReportFiles files, IAgencyClock clock, IText text) : PageModel
{
    public string? Month { get; private set; }
    public string? Org { get; private set; }
    public string CurrentMonth => new ReportPeriod(clock.Today.Year, clock.Today.Month).ToString();
    public bool AgencyWide { get; private set; }
    public IReadOnlyList<OrganizationInfo> Choices { get; private set; } = [];
    public MonthlyReport? Report { get; private set; }

    public string DownloadUrl(string handler) =>
        Url.Page("Monthly", handler, new { month = Report?.Period.ToString(), org = Report?.Scope.Organization?.Id })!;

    public Task<IActionResult> OnGetAsync(string? month, string? org, CancellationToken ct) => MakeAsync(month, org, null, ct);

    public Task<IActionResult> OnGetWordAsync(string? month, string? org, CancellationToken ct) => MakeAsync(month, org, "docx", ct);

    public Task<IActionResult> OnGetExcelAsync(string? month, string? org, CancellationToken ct) => MakeAsync(month, org, "xlsx", ct);

    private async Task<IActionResult> MakeAsync(string? month, string? org, string? download, CancellationToken ct)
    {
        if (!await reports.IsAllowedAsync(ct)) return NotFound();
        Month = month;
        Org = org;
        AgencyWide = await reports.IsAgencyWideAsync(ct);
        Choices = await reports.ChoicesAsync(ct);

        var (period, problem) = MonthlyReportRules.Month(month, clock.Today);
        if (problem is not null) ModelState.AddModelError(problem.Field, text[problem.Message, problem.Args]);
        int? organizationId = null;
        if (!string.IsNullOrWhiteSpace(org))
        {
            if (int.TryParse(org.Trim(), System.Globalization.NumberStyles.None, null, out var id)) organizationId = id;
            else ModelState.AddModelError("Org", text["Choose an organisation from the list."]);
        }
        if (!ModelState.IsValid || period is null) return Page();
        // An organisation the user may not see, another agency's included, is not there for them.
        if (await reports.ScopeAsync(organizationId, ct) is not { } scope) return NotFound();

        Report = await reports.BuildAsync(period, scope, ct);
        Month = period.ToString();
        Org = scope.Organization?.Id.ToString();
        return download switch
        {
            "docx" => File(files.Word(Report), OfficeFiles.WordContentType, MonthlyReportFiles.FileName(Report, "docx")),
            "xlsx" => File(MonthlyReportFiles.Excel(Report), OfficeFiles.ExcelContentType, MonthlyReportFiles.FileName(Report, "xlsx")),
            _ => Page(),
        };
    }
}
