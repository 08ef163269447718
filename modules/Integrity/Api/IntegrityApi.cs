using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.Integrity.Api;

/// <summary>The module's API under /m/integrity/api. Talks answer 404 to anyone who may not see them, as the pages do.</summary>
public static class IntegrityApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/talks", async (int? year, IntegrityDbContext db, IntegrityAccess access, TalkLog log, CancellationToken ct) =>
        {
            if (!await access.CanSeeTalksAsync(ct)) return Results.NotFound();
            if (year is { } bad && !SaneDates.IsSaneYear(bad)) return BadYear();
            var query = db.Talks.AsNoTracking();
            if (year is { } y) query = query.Where(t => t.Date >= new DateOnly(y, 1, 1) && t.Date <= new DateOnly(y, 12, 31));
            var talks = await query.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).Take(200)
                .Select(t => new { t.Id, Kind = t.Kind.ToString(), t.Date, t.TalkerMemberId, t.TalkeeMemberId, t.Summary }).ToListAsync(ct);
            await log.AuditListAsync(talks.Select(t => t.Id), ct);
            return Results.Ok(talks);
        });
        api.MapGet("/talks/{id:int}", async (int id, TalkLog log, CancellationToken ct) =>
            await log.ViewAsync(id, ct) is { } t
                ? Results.Ok(new { t.Id, Kind = t.Kind.ToString(), t.Date, t.TalkerMemberId, t.TalkeeMemberId, t.Summary })
                : Results.NotFound());
        api.MapGet("/warning/progress", async (int? year, IntegrityDbContext db, IModuleSettings settings, IAgencyClock clock, CancellationToken ct) =>
        {
            var today = clock.Today;
            var y = year ?? today.Year;
            if (y is < 2000 or > 2100) return BadYear();
            return Results.Ok(new { year = y, held = await WarningProgress.HeldAsync(db, y, today, ct), target = settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting) });
        }).RequirePermission(IntegrityModule.ViewPermission);
        api.MapGet("/risks", async (IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, CancellationToken ct) =>
        {
            var query = db.Risks.AsNoTracking();
            if (!access.IsManager)
            {
                if (await currentMember.GetAsync(ct) is not { } me) return Results.Ok(Array.Empty<object>());
                query = query.Where(r => r.OwnerMemberId == me.Id);
            }
            return Results.Ok(await query.OrderBy(r => r.Id).Take(500)
                .Select(r => new { r.Id, r.OrganizationId, r.Post, r.Description, Level = r.Level.ToString(), r.Measures, r.OwnerMemberId, r.NextReviewDate }).ToListAsync(ct));
        }).RequirePermission(IntegrityModule.ViewPermission);
        api.MapGet("/risks.xlsx", async (RiskRegister register, CancellationToken ct) =>
            Results.File(await register.ExportAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "廉政风险点台账.xlsx"))
            .RequirePermission(IntegrityModule.ManagePermission);
        api.MapGet("/rectifications", async (IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, CancellationToken ct) =>
        {
            var query = db.Rectifications.AsNoTracking();
            if (!access.IsManager)
            {
                if (await currentMember.GetAsync(ct) is not { } me) return Results.Ok(Array.Empty<object>());
                query = query.Where(r => r.OwnerMemberId == me.Id);
            }
            return Results.Ok(await query.OrderBy(r => r.Deadline).Take(500)
                .Select(r => new { r.Id, r.InspectionId, r.Finding, r.OwnerMemberId, r.Deadline, Status = r.Status.ToString(), r.ClosedOn, r.ClosingNote }).ToListAsync(ct));
        }).RequirePermission(IntegrityModule.ViewPermission);
        api.MapGet("/rectifications/{id:int}/files/{file:int}", async (int id, int file, IntegrityDbContext db, IntegrityAccess access, Evidence evidence, CancellationToken ct) =>
        {
            var item = await db.Rectifications.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (item is null || !await access.CanSeeAsync(item, ct)) return Results.NotFound();
            return await evidence.OpenAsync(id, file, ct) is { } content ? content.ToDownload() : Results.NotFound();
        });
    }

    private static IResult BadYear() => Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份无效。"] });
}
