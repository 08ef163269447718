using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Oidc;
using Modular.Tests.Infrastructure;
using Modular.Tests.Tenancy;

namespace Modular.Tests.Oidc;

/// <summary>
/// Applications (client credentials) read exactly what the platform granted them, per agency and module permission,
/// checked on every request: grants page, audit, revocation, other agencies, undeclared permissions, modules turned off.
/// </summary>
public sealed class ApplicationGrantTests : IClassFixture<ApplicationGrantTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public ApplicationGrantTests(Portal portal) => _portal = portal;

    private async Task<string> RegisterAsync(string clientId, params int[] agencies) =>
        (await _portal.RegisterAsync(new ClientForm
        {
            ClientId = clientId, DisplayName = "数据报送 " + clientId, Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [.. agencies],
        }))!;

    private async Task<HttpClient> BearerAsync(string clientId, string secret, int agencyId)
    {
        var token = await _portal.NewClient().ClientCredentialsTokenAsync(clientId, secret, "modules", agencyId);
        var api = _portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    private static Dictionary<string, string> GrantForm(string clientId, int agencyId, params string[] permissions)
    {
        var form = new Dictionary<string, string> { ["clientId"] = clientId, ["agencyId"] = agencyId.ToString() };
        for (var i = 0; i < permissions.Length; i++) form[$"permissions[{i}]"] = permissions[i];
        return form;
    }

    [Fact]
    public async Task A_token_reads_exactly_what_was_granted_and_a_revocation_counts_at_the_next_request()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await _portal.CreateAgencyAsync("AG2", "ag2-admin", "agency-admin,member", "notes");
        var own = await _portal.AddNoteAsync(demo, "本单位笔记");
        var foreign = await _portal.AddNoteAsync(other, "他单位笔记");
        var secret = await RegisterAsync("grantee", demo, other);
        var api = await BearerAsync("grantee", secret, demo);

        // Nothing granted yet: the module's API does not exist for it.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/notes")).StatusCode);

        var admin = await _portal.SignedInAsync("admin");
        var page = "/Platform/Clients/Grants?clientId=grantee";
        var html = await admin.GetStringAsync(page);
        Assert.Contains("notes.view", html);
        Assert.Contains("notes.edit", html);
        var saved = await admin.PostFormAsync(page, GrantForm("grantee", demo, "notes.view"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var granted = Assert.Single(await _portal.AuditEntriesAsync("oidc.client.grant", "Client:grantee"));
        Assert.Equal("admin", granted.UserName);
        Assert.Equal($"agency {demo}: notes.view", granted.Details);

        // The same token, next request: reads its agency's notes, and only those.
        var notes = await api.GetFromJsonAsync<List<AgencyIsolationTests.NoteDto>>("/m/notes/api/notes");
        Assert.Contains(notes!, n => n.Id == own);
        Assert.All(notes!, n => Assert.Equal(demo, n.AgencyId));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/m/notes/api/notes/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/m/notes/api/notes/{foreign}")).StatusCode);
        // Writing needs notes.edit, not granted: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/m/notes/api/notes/{own}", new { title = "改名" })).StatusCode);
        // An endpoint that names no permission is open to people, never to an application.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/directory")).StatusCode);

        // The grant is for the demo agency: a token in the other agency reads nothing.
        var inOther = await BearerAsync("grantee", secret, other);
        Assert.Equal(HttpStatusCode.NotFound, (await inOther.GetAsync("/m/notes/api/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inOther.GetAsync($"/m/notes/api/notes/{foreign}")).StatusCode);

        // Revoked (nothing ticked): the token still valid, the next request refused.
        var revoked = await admin.PostFormAsync(page, GrantForm("grantee", demo));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
        Assert.Equal($"agency {demo}: notes.view", Assert.Single(await _portal.AuditEntriesAsync("oidc.client.revoke", "Client:grantee")).Details);
    }

    [Fact]
    public async Task Write_permission_granted_lets_the_application_write_as_itself_until_the_agency_is_no_longer_served()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var note = await _portal.AddNoteAsync(demo, "待改名的笔记");
        var secret = await RegisterAsync("writer", demo);
        await _portal.GrantAsync("writer", demo, "notes.view", "notes.edit");
        var api = await BearerAsync("writer", secret, demo);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/m/notes/api/notes/{note}", new { title = "已改名" })).StatusCode);
        // The change is audited under the application's name.
        Assert.NotEmpty(await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == "writer" && a.AgencyId == demo).Select(a => a.Action).ToListAsync()));

        // The platform narrows the client to another agency: its grants in the demo agency stop at the next request.
        var other = await _portal.CreateAgencyAsync("AG5", "ag5-admin", "agency-admin,member", "notes");
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<ClientService>();
            var form = (await clients.LoadAsync("writer", default))!;
            form.Agencies = [other];
            await clients.UpdateAsync(form, default);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
    }

    [Fact]
    public async Task Only_declared_permissions_of_served_agencies_can_be_granted()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var unserved = await _portal.CreateAgencyAsync("AG3", "ag3-admin", "agency-admin,member", "notes");
        await RegisterAsync("narrow", demo);
        var admin = await _portal.SignedInAsync("admin");
        var page = "/Platform/Clients/Grants?clientId=narrow";

        var unknown = await admin.PostFormAsync(page, GrantForm("narrow", demo, "notes.view", "notes.delete-all"));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("“notes.delete-all”不是正在运行的模块声明的权限。", await unknown.Content.ReadAsStringAsync());
        var elsewhere = await admin.PostFormAsync(page, GrantForm("narrow", unserved, "notes.view"));
        Assert.Contains("该应用不服务于此单位。", await elsewhere.Content.ReadAsStringAsync());
        var missing = await admin.PostFormAsync(page, GrantForm("narrow", 987654, "notes.view"));
        Assert.Contains("该应用不服务于此单位。", await missing.Content.ReadAsStringAsync());
        // Nothing was saved or audited.
        Assert.Empty(await _portal.AuditEntriesAsync("oidc.client.grant", "Client:narrow"));
        await using var scope = _portal.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ApplicationGrants>().LoadAsync("narrow", default))!);

        // Only the platform administrator opens the page; an unknown client is not found.
        var office = await _portal.SignedInAsync("office");
        Assert.Contains("/Account/AccessDenied", (await office.GetAsync(page)).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Platform/Clients/Grants?clientId=nobody")).StatusCode);
    }

    [Fact]
    public async Task A_module_turned_off_in_the_agency_grants_nothing()
    {
        var without = await _portal.CreateAgencyAsync("AG4", "ag4-admin", "agency-admin,member");
        var secret = await RegisterAsync("off-module", without);
        await _portal.GrantAsync("off-module", without, "notes.view");
        var api = await BearerAsync("off-module", secret, without);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
    }
}
