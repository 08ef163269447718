using Fixture.Notes.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Notes;

public sealed class NotesModule : IModule
{
    public const string Id = "notes";
    public const string ViewPermission = "notes.view";
    public const string EditPermission = "notes.edit";

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<NotesDbContext>(context);
        services.AddDashboardWidget<NotesWidget>();
        services.AddTodoProvider<NotesTodo>();
        services.AddDemoDataSeeder<NotesSeeder>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("notes-list", new LocalizedText("笔记列表", "All notes"), "", ViewPermission, 10),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看笔记", "View notes"), [Roles.AgencyAdmin, Roles.Member]),
        new(EditPermission, new LocalizedText("编辑笔记", "Edit notes"), [Roles.AgencyAdmin]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
    [
        new("greeting", new LocalizedText("欢迎语", "Greeting"), SettingKind.Text, "欢迎使用工作笔记"),
        new("pageSize", new LocalizedText("每页条数", "Rows per page"), SettingKind.Integer, "20", Min: 5, Max: 100),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/notes", async (NotesDbContext db) =>
            await db.Notes.OrderBy(n => n.Id).Select(n => new { n.Id, n.Title, n.AgencyId }).ToListAsync()).RequirePermission(ViewPermission);
        api.MapGet("/notes/{id:int}", async (int id, NotesDbContext db) =>
            await db.Notes.FirstOrDefaultAsync(n => n.Id == id) is { } n ? Results.Ok(new { n.Id, n.Title, n.AgencyId }) : Results.NotFound())
            .RequirePermission(ViewPermission);
        api.MapPut("/notes/{id:int}", async (int id, NoteInput input, NotesDbContext db, IPermissionChecker permissions) =>
        {
            if (!permissions.IsGranted(EditPermission)) return Results.Forbid();
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id);
            if (note is null) return Results.NotFound();
            note.Title = input.Title;
            if (input.ContactPhone is not null) note.ContactPhone = input.ContactPhone;
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).DisableAntiforgery().RequirePermission(ViewPermission);
        api.MapDelete("/notes/{id:int}", async (int id, NotesDbContext db, IPermissionChecker permissions) =>
        {
            if (!permissions.IsGranted(EditPermission)) return Results.Forbid();
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id);
            if (note is null) return Results.NotFound();
            db.Notes.Remove(note);
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).RequirePermission(ViewPermission);
        // A bug in an endpoint: the caller gets a 500 problem without the message or the stack trace.
        api.MapGet("/broken", string () => throw new InvalidOperationException("Password=fixture-secret-42 leaked"));
        // Proves that the plugin runs with its own copy of a library (CsvHelper 30 here, 33 in "tasks").
        api.MapGet("/private-dependency", () => typeof(CsvHelper.CsvReader).Assembly.GetName().Version!.ToString());
        // Modules read people and organisations through the SDK, never keeping their own copy.
        api.MapGet("/directory", async (IDirectory directory) =>
        {
            var me = await directory.GetCurrentMemberAsync();
            var organizations = await directory.GetOrganizationsAsync();
            var scope = await directory.GetCurrentScopeAsync();
            var posts = await directory.GetAllPostsAsync();
            var postsOneByOne = 0;
            foreach (var o in organizations) postsOneByOne += (await directory.GetPostsAsync(o.Id)).Count;
            var members = await directory.GetAllMembersAsync();
            var membersByRoot = 0;
            foreach (var root in organizations.Where(o => o.ParentId is null)) membersByRoot += (await directory.GetMembersAsync(root.Id)).Count;
            return new { me = me?.Name, organizations = organizations.Count, agencyWide = scope.AgencyWide, posts = posts.Count, postsOneByOne,
                members = members.Count, membersByRoot, meListed = members.Any(m => m.Id == me?.Id) };
        });
        // Modules change the roster only through the SDK's member changes, under the directory's rules.
        api.MapPost("/member-stage", async (StageChange change, IMemberChanges changes) => Outcome(await changes.ChangeStageAsync(Id, change)))
            .DisableAntiforgery();
        api.MapPost("/member-situation", async (SituationChange change, IMemberChanges changes) => Outcome(await changes.ChangeSituationAsync(Id, change)))
            .DisableAntiforgery();
        api.MapPost("/applicant", async (NewApplicant applicant, IMemberChanges changes) => Outcome(await changes.AddApplicantAsync(Id, applicant)))
            .DisableAntiforgery();
        api.MapGet("/settings", (IModuleSettings settings) => new { greeting = settings.Get(Id, "greeting"), pageSize = settings.GetInt(Id, "pageSize") });
    }

    public sealed record NoteInput(string Title, string? ContactPhone = null);

    private static object Outcome(MemberChangeResult result) =>
        new { memberId = result.MemberId, problems = result.Problems.Select(p => new { field = p.Field, message = p.Message }) };
}
