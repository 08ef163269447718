using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Modular.Host.Oidc;
using Modular.Tests.Infrastructure;
using Modular.Tests.Tenancy;

namespace Modular.Tests.Hosting;

/// <summary>Two host instances on one PostgreSQL database behave as one portal.</summary>
public sealed class TwoInstanceTests
{
    /// <summary>A browser's cookie jar, shared between requests to either instance (as behind a load balancer).</summary>
    private sealed class SharedCookies(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = new Uri("http://localhost/");
            if (jar.GetCookieHeader(uri) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                foreach (var c in cookies) jar.SetCookies(uri, c);
            return response;
        }
    }

    private static PortalFactory Instance(string workDir, bool first)
    {
        var portal = first ? new PortalFactory(workDir, ["notes"]) : new PortalFactory(workDir, [], copyPlugins: false);
        portal.Settings["Modular:SignalSeconds"] = "1";
        return portal;
    }

    [PostgreSqlFact]
    public async Task A_sign_in_a_token_and_a_module_switch_on_one_instance_hold_on_the_other()
    {
        var workDir = PortalFactory.NewWorkDir();
        using var a = Instance(workDir, first: true);
        _ = a.Server; // migrates and seeds
        using var b = Instance(workDir, first: false);
        _ = b.Server;

        // Signed in on A, signed in on B.
        var jar = new CookieContainer();
        var onA = a.CreateDefaultClient(new SharedCookies(jar));
        var onB = b.CreateDefaultClient(new SharedCookies(jar));
        await onA.SignInAsync("office");
        var home = await onB.GetAsync("/m/notes");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("示例笔记", await home.Content.ReadAsStringAsync());

        // A token issued by A is accepted by B.
        var demo = await a.DemoAgencyIdAsync();
        var secret = await a.RegisterAsync(new ClientForm
        {
            ClientId = "two-instances", DisplayName = "两实例", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [demo],
        });
        await a.GrantAsync("two-instances", demo, "notes.view");
        var token = await a.NewClient().ClientCredentialsTokenAsync("two-instances", secret!, "modules", demo);
        var api = b.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var notes = await api.GetFromJsonAsync<List<AgencyIsolationTests.NoteDto>>("/m/notes/api/notes");
        Assert.NotEmpty(notes!);

        // Turned off on B (its cache forgets at once), off on A within the signal interval.
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/m/notes")).StatusCode); // A has it cached as on
        var off = await onB.PostFormAsync("/Agency/Modules", new Dictionary<string, string> { ["enable"] = "false" }, "/Agency/Modules?handler=Toggle&moduleId=notes");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onB.GetAsync("/m/notes")).StatusCode);
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 50 && status != HttpStatusCode.NotFound; i++)
        {
            await Task.Delay(200);
            status = (await onA.GetAsync("/m/notes")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
    }
}
