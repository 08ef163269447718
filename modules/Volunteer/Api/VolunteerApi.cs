using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.Volunteer.Api;

/// <summary>
/// The module's API under /m/volunteer/api: what a phone needs to sign up, and the organiser's additions. Every endpoint
/// needs volunteer.view (404 without it, as the module gate answers); an activity the caller sees but may not manage is 403.
/// </summary>
public static class VolunteerApi
{
    public sealed record ActivityDto(int Id, string Title, ActivityKind Kind, string Place, DateTime StartsAt, DateTime EndsAt,
        DateTime SignUpDeadline, int Capacity, int Accepted, int Waiting, ActivityStatus Status);

    public sealed record AddInput(int MemberId);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("").RequirePermission(VolunteerModule.ViewPermission);
        api.MapGet("/activities", async (VolunteerDbContext db, VolunteerAccess access, IAgencyClock clock, bool? all, CancellationToken ct) =>
        {
            var now = clock.LocalNow;
            var query = db.Activities.AsNoTracking();
            query = all == true && access.IsManager ? query : query.Where(a => a.Status == ActivityStatus.Published && a.EndsAt >= now);
            return Results.Ok(await Dto(db, query.OrderBy(a => a.StartsAt).Take(200)).ToListAsync(ct));
        });
        api.MapGet("/activities/{id:int}", async (int id, VolunteerDbContext db, VolunteerAccess access, CancellationToken ct) =>
        {
            var dto = await Dto(db, db.Activities.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);
            return dto is null || (dto.Status == ActivityStatus.Draft && !access.IsManager) ? Results.NotFound() : Results.Ok(dto);
        });
        // The signed-in member signs up or gives up their place.
        api.MapPost("/activities/{id:int}/signup", async (int id, ICurrentMember member, Places places, CancellationToken ct) =>
        {
            if (await member.GetAsync(ct) is not { } me) return Results.Problem("No member record is linked to this account.", statusCode: 403);
            return Answer(await places.SignUpAsync(id, me.Id, byOrganizer: false, ct));
        });
        api.MapDelete("/activities/{id:int}/signup", async (int id, ICurrentMember member, Places places, CancellationToken ct) =>
        {
            if (await member.GetAsync(ct) is not { } me) return Results.Problem("No member record is linked to this account.", statusCode: 403);
            return Answer(await places.CancelAsync(id, me.Id, byOrganizer: false, ct));
        });
        // The organiser adds a member of the agency.
        api.MapPost("/activities/{id:int}/signups", async (int id, AddInput input, VolunteerDbContext db, VolunteerAccess access, PeopleLookup people, Places places, CancellationToken ct) =>
        {
            var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            var manages = activity is not null && await access.CanManageAsync(activity, ct);
            // A draft is seen only by those who manage it: to anyone else it does not exist.
            if (activity is null || (activity.Status == ActivityStatus.Draft && !manages)) return Results.NotFound();
            if (!manages) return Results.Problem("Only the activity's organisers may add members to it.", statusCode: 403);
            if (!await people.ExistsAsync(input.MemberId, ct))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["No such member in this agency."] });
            return Answer(await places.SignUpAsync(id, input.MemberId, byOrganizer: true, ct));
        });
        api.MapGet("/me/hours", async (VolunteerDbContext db, ICurrentMember member, CancellationToken ct) =>
        {
            if (await member.GetAsync(ct) is not { } me) return Results.Ok(Array.Empty<object>());
            var rows = await MemberRecord.YearsAsync(db, me.Id, ct);
            return Results.Ok(rows);
        });
    }

    private static IQueryable<ActivityDto> Dto(VolunteerDbContext db, IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityDto(
            a.Id, a.Title, a.Kind, a.Place, a.StartsAt, a.EndsAt, a.SignUpDeadline, a.Capacity,
            db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Accepted),
            db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Waiting), a.Status));

    private static IResult Answer(PlaceResult r) => r.Outcome switch
    {
        PlaceOutcome.NotFound => Results.NotFound(),
        PlaceOutcome.Accepted or PlaceOutcome.Waiting or PlaceOutcome.Cancelled => Results.Ok(new { outcome = r.Outcome.ToString(), position = r.Position }),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: r.Outcome.ToString(),
            extensions: new Dictionary<string, object?> { ["outcome"] = r.Outcome.ToString() }),
    };
}
