using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.Civilization.Api;

/// <summary>The module's API under /m/civilization/api: campaigns with their scores, the import template, exports and evidence files.</summary>
public static class CivilizationApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Every endpoint is for those who see civilization creation; the template for the office alone.
        var api = endpoints.MapGroup("").RequirePermission(CivilizationModule.ViewPermission);
        api.MapGet("/campaigns", async (CivilizationDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(200)
                .Select(c => new { c.Id, c.Name, TitleLevel = c.TitleLevel.ToString(), c.Year, Status = c.Status.ToString() }).ToListAsync(ct);
            return Results.Ok(rows);
        });
        api.MapGet("/campaigns/{id:int}", async (int id, CivilizationDbContext db, Framework framework, CancellationToken ct) =>
        {
            var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return Results.NotFound();
            var view = await framework.LoadAsync(id, ct);
            return Results.Ok(new
            {
                c.Id, c.Name, TitleLevel = c.TitleLevel.ToString(), c.Year, Status = c.Status.ToString(),
                view.Score.Total.Possible, view.Score.Total.Met, view.Score.Total.Percent, view.Score.Total.Overdue, view.Score.Total.AwaitingReview,
                Categories = view.Categories.Select(k => new { k.Id, k.Name, view.Score.Categories[k.Id].Possible, view.Score.Categories[k.Id].Met, view.Score.Categories[k.Id].Percent }),
            });
        });
        api.MapGet("/campaigns/{id:int}/export.xlsx", async (int id, CivilizationDbContext db, CampaignExport export, CancellationToken ct) =>
        {
            var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return Results.NotFound();
            return Results.File(await export.BuildAsync(c, ct), XlsxType, $"{c.Name}-创建进度与佐证材料.xlsx");
        });
        api.MapGet("/framework-template.xlsx", () => Results.File(FrameworkImport.Template(), XlsxType, "测评体系导入模板.xlsx"))
            .RequirePermission(CivilizationModule.ManagePermission);
        api.MapGet("/items/{id:int}/files/{file:int}", async (int id, int file, CivilizationDbContext db, EvidenceFiles files, CancellationToken ct) =>
        {
            var evidence = await db.Evidence.AsNoTracking().Where(e => e.ItemId == id).Select(e => e.Id).ToListAsync(ct);
            return await files.OpenAsync(evidence, file, ct) is { } content ? content.ToDownload() : Results.NotFound();
        });
        api.MapGet("/practice", async (CivilizationDbContext db, CancellationToken ct) =>
        {
            var rows = await db.PracticeActivities.AsNoTracking().OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(200)
                .Select(p => new { p.Id, Kind = p.Kind.ToString(), p.Title, p.Date, p.Place, p.Participants, p.LinkedKind, p.LinkedId, p.LinkedTitle }).ToListAsync(ct);
            return Results.Ok(rows);
        });
    }
}
