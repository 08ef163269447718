using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

public static class TestData
{
    public static Task<int> DemoAgencyIdAsync(this PortalFactory f) =>
        f.WithDbAsync(db => db.Agencies.Where(a => a.Code == DemoSeeder.DemoAgencyCode).Select(a => a.Id).SingleAsync());

    /// <summary>After a raw SQL edit of agency data: bumps every agency's change stamp, as the portal's contexts do, so cached figures drop.</summary>
    public static Task BumpChangeStampsAsync(this PortalFactory f) => f.ExecAsync("UPDATE dir_change SET \"Stamp\" = \"Stamp\" + 1");

    /// <summary>A second agency with one account (password = the demo password) and the given modules allowed and on.</summary>
    public static async Task<int> CreateAgencyAsync(this PortalFactory f, string code, string userName, string roles, params string[] modules)
    {
        await using var scope = f.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var agency = new Agency { Name = code + " 测试单位", ShortName = code, Code = code };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new PortalUser { UserName = userName, DisplayName = userName };
            var result = await users.CreateAsync(user, DemoSeeder.DemoPassword);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agency.Id, UserId = user.Id, Roles = roles });
        foreach (var m in modules) db.AgencyModules.Add(new AgencyModule { AgencyId = agency.Id, ModuleId = m, Allowed = true, Enabled = true });
        await db.SaveChangesAsync();
        return agency.Id;
    }

    /// <summary>The fixture plugin's own DbContext and its Note type (loaded in the plugin's context, so reached by reflection).</summary>
    public static (DbContext Db, Type NoteType) NotesContext(IServiceProvider services)
    {
        var registration = services.GetServices<ModuleDbContextRegistration>().Single(r => r.ModuleId == "notes");
        var db = (DbContext)services.GetRequiredService(registration.ContextType);
        return (db, registration.ContextType.Assembly.GetType("Fixture.Notes.Data.Note")!);
    }

    /// <summary>Adds a note in the given agency through the module's own DbContext (as the module would).</summary>
    public static async Task<int> AddNoteAsync(this PortalFactory f, int agencyId, string title)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = f.Services.CreateAsyncScope();
        var (db, noteType) = NotesContext(scope.ServiceProvider);
        var note = Activator.CreateInstance(noteType)!;
        noteType.GetProperty("Title")!.SetValue(note, title);
        db.Add(note);
        await db.SaveChangesAsync();
        return (int)noteType.GetProperty("Id")!.GetValue(note)!;
    }
}
