using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Modular.Host.Auditing;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

/// <summary>The members the user may see, as an Excel file; ID and phone numbers masked, birth dates left out (they are the masked digits).</summary>
public sealed class ExportModel(DirectoryDbContext db, DirectoryService directory, DirectoryLabels labels, PersonalDataProtector protector, ICurrentUser user, AuditLog audit, IAgencyClock clock) : PageModel
{
    /// <param name="full">Unmasked numbers: the agency's Party office only, by an explicit request, audited.</param>
    public async Task<IActionResult> OnGetAsync(string? q, int? org, MemberStage? stage, MemberSituation? situation, bool full, CancellationToken ct)
    {
        var query = await directory.RosterAsync(new RosterFilter(q, org, stage, situation), ct);
        if (query is null) return NotFound();
        if (full && !user.IsInAgencyRole(Roles.AgencyAdmin)) return Forbid();
        var names = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = await query.AsNoTracking().OrderBy(m => m.OrganizationId).ThenBy(m => m.Name).ToListAsync(ct);
        var sheet = rows.Select(m => new Dictionary<string, object?>
        {
            ["姓名"] = m.Name,
            ["性别"] = labels.Gender(m.Gender),
            ["民族"] = m.Ethnicity,
            ["出生日期"] = full ? m.BirthDate?.ToString("yyyy-MM-dd") : "—",
            ["公民身份号码"] = full ? protector.Unprotect(m.IdNumberProtected) : m.IdNumberMasked,
            ["手机号码"] = full ? protector.Unprotect(m.PhoneProtected) : m.PhoneMasked,
            ["学历"] = m.Education,
            ["职务职级"] = m.Title,
            ["所在党组织"] = names.GetValueOrDefault(m.OrganizationId),
            ["党小组"] = m.GroupId is { } g ? names.GetValueOrDefault(g) : null,
            ["阶段"] = labels.Stage(m.Stage),
            ["情况"] = labels.Situation(m.Situation),
            ["情况起始日期"] = m.SituationSince?.ToString("yyyy-MM-dd"),
            ["申请入党日期"] = m.ApplicationDate?.ToString("yyyy-MM-dd"),
            ["确定积极分子日期"] = m.ActivistDate?.ToString("yyyy-MM-dd"),
            ["确定发展对象日期"] = m.CandidateDate?.ToString("yyyy-MM-dd"),
            ["入党日期"] = m.JoinedDate?.ToString("yyyy-MM-dd"),
            ["转正日期"] = m.FullMemberDate?.ToString("yyyy-MM-dd"),
            ["领导干部"] = m.IsLeadingCadre ? "是" : "否",
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: ct);
        stream.Position = 0;
        await audit.WriteAsync(full ? "member.export-full" : "member.export", "Members", $"{rows.Count} rows, {(full ? "ID and mobile numbers and dates of birth in full" : "masked")}", true, ct);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"党员名册-{clock.LocalNow:yyyyMMdd}.xlsx");
    }
}
