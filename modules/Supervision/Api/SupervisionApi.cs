using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.Supervision.Api;

/// <summary>The module's API under /m/supervision/api: what a user sees on the pages, and 404 for anything else.</summary>
public static class SupervisionApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/tasks", async (int? year, SupervisionDbContext db, SupervisionAccess access, IAgencyClock clock, CancellationToken ct) =>
        {
            if (year is { } bad && !SaneDates.IsSaneYear(bad)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份无效。"] });
            var y = year ?? clock.Today.Year;
            var tasks = await (await access.VisibleTasksAsync(db.Tasks.AsNoTracking(), ct)).Where(t => t.Year == y).OrderBy(t => t.Deadline).ThenBy(t => t.Id).Take(500)
                .Select(t => new { t.Id, t.Title, t.OwnerOrganizationId, t.OwnerMemberId, t.Deadline, Status = t.Status.ToString(), t.ClosedOn }).ToListAsync(ct);
            return Results.Ok(tasks);
        }).RequirePermission(SupervisionModule.ViewPermission);
        api.MapGet("/items/{id:int}/files/{file:int}", async (int id, int file, SupervisionDbContext db, SupervisionAccess access, ItemEvidence evidence, CancellationToken ct) =>
        {
            var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null || !await access.CanSeeAsync(item.OwnerOrganizationId, item.OwnerMemberId, ct)) return Results.NotFound();
            return await evidence.OpenAsync(id, file, ct) is { } content ? content.ToDownload() : Results.NotFound();
        });
    }
}
