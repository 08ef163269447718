using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Tenancy;

/// <summary>One agency can neither read nor change another's rows, through any page or API of the fixture module.</summary>
public sealed class AgencyIsolationTests : IClassFixture<AgencyIsolationTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public AgencyIsolationTests(Portal portal) => _portal = portal;

    private async Task<(int A, int B, int NoteA, int NoteB, HttpClient ClientB)> ArrangeAsync(string code)
    {
        var a = await _portal.DemoAgencyIdAsync();
        var b = await _portal.CreateAgencyAsync(code, code.ToLowerInvariant() + "-admin", "agency-admin,member", "notes");
        var noteA = await _portal.AddNoteAsync(a, "甲单位的机密笔记");
        var noteB = await _portal.AddNoteAsync(b, "乙单位的笔记");
        return (a, b, noteA, noteB, await _portal.SignedInAsync(code.ToLowerInvariant() + "-admin"));
    }

    [Fact]
    public async Task Pages_and_APIs_show_only_the_current_agencys_rows()
    {
        var (_, b, noteA, noteB, client) = await ArrangeAsync("ISO1");
        var list = await client.GetStringAsync("/m/notes");
        Assert.Contains("乙单位的笔记", list);
        Assert.DoesNotContain("甲单位的机密笔记", list);

        var api = await client.GetFromJsonAsync<List<NoteDto>>("/m/notes/api/notes");
        Assert.NotNull(api);
        Assert.All(api, n => Assert.Equal(b, n.AgencyId));
        Assert.Contains(api, n => n.Id == noteB);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/m/notes/Edit/{noteA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/m/notes/api/notes/{noteA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/m/notes/api/notes/{noteB}")).StatusCode);
        Assert.DoesNotContain("甲单位的机密笔记", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Another_agencys_row_cannot_be_changed_or_deleted_through_the_API()
    {
        var (_, _, noteA, noteB, client) = await ArrangeAsync("ISO2");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/m/notes/api/notes/{noteA}", new { title = "改掉" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/m/notes/api/notes/{noteA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/m/notes/api/notes/{noteB}", new { title = "乙单位改过的笔记" })).StatusCode);

        var office = await _portal.SignedInAsync("office");
        var own = await office.GetStringAsync($"/m/notes/api/notes/{noteA}");
        Assert.Contains("甲单位的机密笔记", System.Text.RegularExpressions.Regex.Unescape(own));
    }

    [Fact]
    public async Task The_base_DbContext_refuses_to_write_another_agencys_row()
    {
        var (a, b, noteA, _, _) = await ArrangeAsync("ISO3");
        using var _ = AgencyScope.Use(b);
        await using var scope = _portal.Services.CreateAsyncScope();
        var (db, noteType) = TestData.NotesContext(scope.ServiceProvider);

        // Even a row fetched by bypassing the filter cannot be saved from agency B.
        var entity = Activator.CreateInstance(noteType)!;
        noteType.GetProperty("Id")!.SetValue(entity, noteA);
        noteType.GetProperty("AgencyId")!.SetValue(entity, a);
        noteType.GetProperty("Title")!.SetValue(entity, "篡改");
        db.Attach(entity).Property("Title").IsModified = true;
        await Assert.ThrowsAsync<AgencyScopeException>(() => db.SaveChangesAsync());

        // And a new row cannot be placed into agency A.
        db.ChangeTracker.Clear();
        var foreign = Activator.CreateInstance(noteType)!;
        noteType.GetProperty("AgencyId")!.SetValue(foreign, a);
        noteType.GetProperty("Title")!.SetValue(foreign, "塞进甲单位");
        db.Add(foreign);
        await Assert.ThrowsAsync<AgencyScopeException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Without_a_current_agency_nothing_is_visible()
    {
        await ArrangeAsync("ISO4");
        await using var scope = _portal.Services.CreateAsyncScope();
        var (db, noteType) = TestData.NotesContext(scope.ServiceProvider);
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(noteType).Invoke(db, null)!;
        Assert.Equal(0, set.Count());
    }

    [Fact]
    public async Task A_stub_claiming_the_current_agency_cannot_change_another_agencys_row()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await _portal.CreateAgencyAsync("STUB", "stub-admin", "agency-admin,member", "notes");
        var foreign = await _portal.AddNoteAsync(demo, "别人的笔记");
        using var _ = AgencyScope.Use(other);
        await using var scope = _portal.Services.CreateAsyncScope();
        var (db, noteType) = TestData.NotesContext(scope.ServiceProvider);
        // What a careless edit page does: build the entity from the form, set "our" agency, Update.
        var stub = Activator.CreateInstance(noteType)!;
        noteType.GetProperty("Id")!.SetValue(stub, foreign);
        noteType.GetProperty("AgencyId")!.SetValue(stub, other);
        noteType.GetProperty("Title")!.SetValue(stub, "被篡改");
        noteType.GetProperty("Version")!.SetValue(stub, 1L);
        db.Update(stub);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Remove(stub);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        var office = await _portal.SignedInAsync("office");
        Assert.Contains("别人的笔记", System.Text.RegularExpressions.Regex.Unescape(await office.GetStringAsync($"/m/notes/api/notes/{foreign}")));
    }

    public sealed record NoteDto(int Id, string Title, int AgencyId);
}
