using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.OrgLife.Api;

/// <summary>The module's API under /m/org-life/api: the same scope rules as the pages (cookie or access token).</summary>
public static class OrgLifeApi
{
    /// <summary>The member's meetings as iCalendar: also readable through a personal feed link (<see cref="IFeedLinks"/>).</summary>
    public const string CalendarFeed = "calendar.ics";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings", ListMeetingsAsync).RequirePermission(OrgLifeModule.ViewPermission);
        api.MapGet("/meetings/{id:int}", GetMeetingAsync).RequirePermission(OrgLifeModule.ViewPermission);
        api.MapGet("/meetings/{id:int}/attachments/{file:int}", DownloadAttachmentAsync).RequirePermission(OrgLifeModule.ViewPermission);
        api.MapGet("/compliance", GetComplianceAsync);
        api.MapGet("/" + CalendarFeed, GetCalendarAsync).AsFeed(CalendarFeed);
        api.MapGet("/branches/{id:int}/manual.docx", (int id, int? year, OrgLifeAccess access, Roster roster, BranchYearBook book, IAgencyClock clock, CancellationToken ct) =>
            ExportAsync(id, year ?? clock.Today.Year, access, roster, book, word: true, ct));
        api.MapGet("/branches/{id:int}/records.xlsx", (int id, int? year, OrgLifeAccess access, Roster roster, BranchYearBook book, IAgencyClock clock, CancellationToken ct) =>
            ExportAsync(id, year ?? clock.Today.Year, access, roster, book, word: false, ct));
    }

    private static async Task<IResult> ListMeetingsAsync(int? year, int? branch, MeetingType? type, OrgLifeDbContext db, OrgLifeAccess access, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return BadYear();
        var query = await access.VisibleAsync(db.Meetings.AsNoTracking(), ct);
        if (year is { } y) query = query.Where(m => m.Date >= new DateOnly(y, 1, 1) && m.Date <= new DateOnly(y, 12, 31));
        if (branch is { } b) query = query.Where(m => m.BranchId == b);
        if (type is { } t) query = query.Where(m => m.Type == t);
        var rows = await query.OrderByDescending(m => m.Date).Take(500)
            .Select(m => new { m.Id, m.BranchId, m.GroupId, Type = m.Type.ToString(), Status = m.Status.ToString(), m.Date, m.StartTime, m.Place, m.Topic })
            .ToListAsync(ct);
        return Results.Ok(rows);
    }

    private static async Task<IResult> GetMeetingAsync(int id, OrgLifeDbContext db, OrgLifeAccess access, CancellationToken ct)
    {
        var m = await (await access.VisibleAsync(db.Meetings.AsNoTracking(), ct))
            .Include(x => x.Attendees).Include(x => x.Decisions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Results.NotFound();
        return Results.Ok(new
        {
            m.Id, m.BranchId, m.GroupId, Type = m.Type.ToString(), Status = m.Status.ToString(), m.Date, m.StartTime, m.Place, m.Topic,
            m.HostMemberId, m.Minutes, m.CancelReason,
            Attendees = m.Attendees.Select(a => new { a.MemberId, Attendance = a.Attendance.ToString(), a.LeaveReason, a.CanVote }),
            Decisions = m.Decisions.Select(d => new { d.Subject, d.VotesFor, d.VotesAgainst, d.Abstentions }),
            Warnings = MeetingPlanner.Warnings(m),
        });
    }

    /// <summary>An attachment of a meeting the caller can see, as a download.</summary>
    private static async Task<IResult> DownloadAttachmentAsync(int id, int file, OrgLifeDbContext db, OrgLifeAccess access, MeetingAttachments attachments, CancellationToken ct)
    {
        if (!await (await access.VisibleAsync(db.Meetings.AsNoTracking(), ct)).AnyAsync(m => m.Id == id, ct)) return Results.NotFound();
        return await attachments.OpenAsync(id, file, ct) is { } content ? content.ToDownload() : Results.NotFound();
    }

    private static async Task<IResult> GetComplianceAsync(int? year, OrgLifeAccess access, Roster roster, ComplianceService compliance, IAgencyClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var y = year ?? today.Year;
        if (y is < 2000 or > 2100) return BadYear();
        var branches = await access.ComplianceBranchesAsync(roster, ct);
        if (branches.Count == 0) return Results.NotFound();
        var report = await compliance.BuildAsync(y, branches, today, ct);
        return Results.Ok(new
        {
            report.Year,
            Rate = report.Rate(),
            Branches = report.Rows.Select(r => new
            {
                r.Branch.Id, r.Branch.Name,
                Types = report.Types.ToDictionary(t => t.ToString(), t => r.Cells[t].Select(c => new { Period = c.Period.Short(report.Cadences[t]), State = c.State.ToString(), c.Held, c.Required, MovedFrom = c.Moved?.Fixed, CountedFrom = c.CountedFrom?.Url })),
                SecretaryLecture = r.SecretaryLecture.ToString(),
                Appraisal = r.Appraisal.ToString(),
            }),
        });
    }

    /// <summary>The signed-in member's planned meetings (cookie, an access token with the modules scope, or the member's feed link).</summary>
    private static async Task<IResult> GetCalendarAsync(ICurrentMember member, MeetingCalendar calendar, IAgencyClock clock, CancellationToken ct)
    {
        if ((await member.GetScopeAsync(ct)).OwnMemberId is not { } me) return Results.NotFound();
        var ics = await calendar.ForMemberAsync(me, clock.Today.AddDays(-7), ct);
        return Results.Text(ics, "text/calendar; charset=utf-8");
    }

    /// <summary>A branch's year as a work manual (Word) or workbook (Excel): for those who keep the branch's records.</summary>
    private static async Task<IResult> ExportAsync(int id, int y, OrgLifeAccess access, Roster roster, BranchYearBook book, bool word, CancellationToken ct)
    {
        if (y is < 2000 or > 2100) return BadYear();
        if (await roster.BranchAsync(id, ct) is not { } branch || !await access.CanRecordAsync(id, ct)) return Results.NotFound();
        var data = await book.LoadAsync(branch, y, ct);
        return word
            ? Results.File(await book.WordAsync(data, ct), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{branch.Name}{y}年工作手册.docx")
            : Results.File(await book.ExcelAsync(data, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{branch.Name}{y}年组织生活记录.xlsx");
    }

    private static IResult BadYear() => Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份无效。"] });
}
