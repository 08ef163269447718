using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Oidc;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests;

/// <summary>Holes found in review, each closed and kept closed.</summary>
public sealed class ReviewFixTests : IClassFixture<ReviewFixTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public ReviewFixTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Removing_a_user_from_an_agency_ends_their_access_there_in_open_sessions()
    {
        var agency = await _portal.CreateAgencyAsync("GONE", "leaver", "agency-admin,member", "notes");
        // The agency keeps an administrator when the leaver goes.
        await _portal.WithDbAsync(async db =>
        {
            var stays = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
            db.AgencyMemberships.Add(new Modular.Host.Data.AgencyMembership { AgencyId = agency, UserId = stays, Roles = "agency-admin,member" });
            return await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInAsync("leaver");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/m/notes")).StatusCode);

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Modular.Host.Data.HostDbContext>();
            var membership = await db.AgencyMemberships.SingleAsync(m => m.AgencyId == agency && m.User!.UserName == "leaver");
            await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Accounts.MembershipService>().RemoveAsync(agency, membership.Id, default);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/notes")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await client.GetAsync("/Agency/Modules")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task An_access_token_opens_module_APIs_but_no_portal_page()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "pages-probe", DisplayName = "探测", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules", "roles"], Agencies = [demo],
        });
        var token = await _portal.NewClient().ClientCredentialsTokenAsync("pages-probe", secret!, "modules", demo);
        var bearer = _portal.NewClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/m/notes/api/notes")).StatusCode);
        foreach (var page in new[] { "/", "/Agency/Modules", "/Platform/Agencies", "/Audit", "/m/notes" })
            Assert.Contains("/Account/Login", (await bearer.GetAsync(page)).Headers.Location?.ToString() ?? "");
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

    [Fact]
    public async Task An_agency_administrator_cannot_pull_in_an_account_of_another_agency()
    {
        await _portal.CreateAgencyAsync("ELSE", "someone-else", "member");
        var office = await _portal.SignedInAsync("office");
        var response = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["Input.UserName"] = "someone-else", ["Input.DisplayName"] = "某人", ["Input.Password"] = "Good@2026x", ["Input.Admin"] = "true" }, "/Agency/Accounts?handler=Add");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该用户名已被使用。", await response.Content.ReadAsStringAsync());
        var admin = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.DisplayName"] = "某人", ["Input.Password"] = "Good@2026x" }, "/Agency/Accounts?handler=Add");
        Assert.Contains("该用户名已被使用。", await admin.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/\\evil.example.com")]
    [InlineData("//evil.example.com")]
    [InlineData("https://evil.example.com")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        var response = await _portal.NewClient().GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task End_session_without_an_id_token_hint_asks_the_user_first()
    {
        var client = await _portal.SignedInAsync("member");
        var response = await client.GetAsync("/connect/endsession");
        Assert.Equal("/Account/Logout", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Silly_dates_in_the_audit_search_do_not_break_the_page()
    {
        var auditor = await _portal.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?to=9999-12-31&from=0001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?to=not-a-date&agency=abc")).StatusCode);
    }
}
