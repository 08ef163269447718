using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Hosting;

/// <summary>
/// Errors of API paths are RFC 7807 problem details (application/problem+json) with no HTML, stack trace or secret:
/// 401 unauthenticated (no redirect), 403 a record refused, 404 the module off or a permission missing, 400 with the
/// fields' messages, 500 for a bug. Pages keep the portal's HTML error pages.
/// </summary>
public sealed class ApiErrorTests(ApiErrorTests.Portal portal) : IClassFixture<ApiErrorTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes", "volunteer");

    /// <summary>Asserts a problem of the status and returns its JSON.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("<", body);
        Assert.DoesNotContain("   at ", body); // a stack trace's frames
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        return json;
    }

    private async Task<int> PublishedActivityAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/m/volunteer/api/activities"))!.First().GetProperty("id").GetInt32();

    [Fact]
    public async Task Unauthenticated_is_401_without_a_redirect_to_the_sign_in_page()
    {
        var anonymous = portal.NewClient();
        await ProblemAsync(await anonymous.GetAsync("/m/volunteer/api/activities"), HttpStatusCode.Unauthorized);
        // Also when the caller says it prefers HTML.
        var html = new HttpRequestMessage(HttpMethod.Get, "/m/notes/api/notes");
        html.Headers.Accept.ParseAdd("text/html");
        await ProblemAsync(await anonymous.SendAsync(html), HttpStatusCode.Unauthorized);
        // A bearer token that is not one of the portal's: still a problem, with the bearer challenge in its header.
        var bearer = new HttpRequestMessage(HttpMethod.Get, "/m/volunteer/api/activities");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        var refused = await anonymous.SendAsync(bearer);
        await ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains(refused.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_record_the_caller_sees_but_may_not_change_is_403()
    {
        var member = await portal.SignedInAsync("member");
        var id = await PublishedActivityAsync(member);
        var memberId = await portal.MemberIdAsync("李晓梅");
        var problem = await ProblemAsync(await member.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId }), HttpStatusCode.Forbidden);
        Assert.Contains("organisers", problem.GetProperty("detail").GetString());
        // So is a write another site made the browser send.
        var crossSite = new HttpRequestMessage(HttpMethod.Delete, $"/m/volunteer/api/activities/{id}/signup");
        crossSite.Headers.Add("Origin", "https://evil.example");
        await ProblemAsync(await member.SendAsync(crossSite), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_module_that_is_off_and_a_missing_permission_are_both_404()
    {
        // An agency without the volunteer module.
        await portal.CreateAgencyAsync("APIOFF", "api-off", Roles.Member, "notes");
        var off = await portal.SignedInAsync("api-off");
        await ProblemAsync(await off.GetAsync("/m/volunteer/api/activities"), HttpStatusCode.NotFound);

        // An agency with it, for an account whose role does not hold volunteer.view.
        await portal.CreateAgencyAsync("APINOPERM", "api-noperm", Roles.DisciplineInspection, "volunteer");
        var noPermission = await portal.SignedInAsync("api-noperm");
        await ProblemAsync(await noPermission.GetAsync("/m/volunteer/api/activities"), HttpStatusCode.NotFound);
        await ProblemAsync(await noPermission.GetAsync("/m/volunteer/api/me/hours"), HttpStatusCode.NotFound);
        await ProblemAsync(await noPermission.PostAsync("/m/volunteer/api/activities/1/signup", null), HttpStatusCode.NotFound);

        // And a record the caller may not see.
        var member = await portal.SignedInAsync("member");
        await ProblemAsync(await member.GetAsync("/m/volunteer/api/activities/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_input_is_400_with_the_fields_messages()
    {
        var office = await portal.SignedInAsync("office");
        var id = await PublishedActivityAsync(office);
        var problem = await ProblemAsync(await office.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = 999999 }), HttpStatusCode.BadRequest);
        Assert.Equal("No such member in this agency.", problem.GetProperty("errors").GetProperty("memberId")[0].GetString());
        // A body the endpoint cannot read at all.
        var unreadable = new StringContent("{\"memberId\":", System.Text.Encoding.UTF8, "application/json");
        await ProblemAsync(await office.PostAsync($"/m/volunteer/api/activities/{id}/signups", unreadable), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bug_in_an_endpoint_is_a_500_that_names_only_the_trace_id()
    {
        var office = await portal.SignedInAsync("office");
        var problem = await ProblemAsync(await office.GetAsync("/m/notes/api/broken"), HttpStatusCode.InternalServerError);
        var text = problem.GetRawText();
        Assert.DoesNotContain("fixture-secret-42", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("NotesModule", text);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.Contains(portal.Log.Entries, e => e.Contains("fixture-secret-42")); // the log has it
    }

    [Fact]
    public async Task Pages_keep_their_html_error_pages()
    {
        var office = await portal.SignedInAsync("office");
        var missing = await office.GetAsync("/m/volunteer/NoSuchPage");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        var anonymous = await portal.NewClient().GetAsync("/m/volunteer");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.ToString().Replace("http://localhost", ""));
    }
}
