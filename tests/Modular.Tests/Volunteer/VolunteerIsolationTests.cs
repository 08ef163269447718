using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Modules.Volunteer.Domain;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Volunteer;

/// <summary>One agency neither sees nor changes another's partners, activities, sign-ups or attendance, through any page or API.</summary>
public sealed class VolunteerIsolationTests : IClassFixture<VolunteerIsolationTests.Portal>
{
    public sealed class Portal() : PortalFactory("volunteer");

    private readonly Portal _portal;
    public VolunteerIsolationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Every_page_and_API_keeps_to_the_current_agency()
    {
        await _portal.CreateAgencyAsync("VOLB", "volb-admin", "agency-admin,member", "volunteer");
        var ownOrganizer = await OwnOrganizerAsync();
        var other = await _portal.SignedInAsync("volb-admin");
        var office = await _portal.SignedInAsync("office");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), _portal.LocalNow.Date.AddDays(2).AddHours(9), title: "甲单位的志愿活动"));
        var partner = await _portal.FirstPartnerAsync();
        var qr = await office.GetStringAsync($"/m/volunteer/Activities/Qr/{id}");
        var checkIn = new Uri(WebUtility.HtmlDecode(Regex.Match(qr, "data-link=\"([^\"]+)\"").Groups[1].Value)).PathAndQuery;

        foreach (var path in new[] { "/m/volunteer", "/m/volunteer?show=all", "/m/volunteer?show=past", "/m/volunteer/Partners", "/m/volunteer/Stats", "/m/volunteer/Record", "/", "/Todo" })
        {
            var html = await other.GetStringAsync(path);
            Assert.DoesNotContain("甲单位的志愿活动", html);
            Assert.DoesNotContain("党群服务中心", html);
        }
        foreach (var path in new[] { Volunteer.Details(id), $"/m/volunteer/Activities/Edit?id={id}", $"/m/volunteer/Activities/Qr/{id}",
                     $"/m/volunteer/Partners/Details/{partner}", $"/m/volunteer/Partners/Edit?id={partner}", $"/m/volunteer/api/activities/{id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.Contains("二维码已过期或无效", await other.GetStringAsync(checkIn)); // a code of agency A means nothing in B

        var api = await other.GetFromJsonAsync<List<Dictionary<string, object>>>("/m/volunteer/api/activities?all=true");
        Assert.Empty(api!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/m/volunteer/api/activities/{id}/signup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/m/volunteer/api/activities/{id}/signup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = 1 })).StatusCode);
        // Forms posted against agency A's rows (with B's own antiforgery token) find nothing.
        var own = await other.CreateAsync(Volunteer.Form(ownOrganizer, _portal.LocalNow.Date.AddDays(2).AddHours(9), title: "乙单位的活动"));
        foreach (var handler in new[] { "Publish", "Finish", "Tap", "Adjust", "Add", "Remove", "CancelActivity" })
        {
            var response = await other.PostFormAsync(Volunteer.Details(own), new Dictionary<string, string> { ["memberId"] = "1", ["reason"] = "x", ["hours"] = "1" }, $"{Volunteer.Details(id)}?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        foreach (var handler in new[] { "SignUp", "Withdraw" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync(Volunteer.Details(own), new Dictionary<string, string>(), $"{Volunteer.Details(id)}?handler={handler}")).StatusCode);
        Assert.Equal(0, await _portal.SignUpCountAsync(id));
        Assert.Equal(ActivityStatus.Published, await _portal.ActivityStatusAsync(id));
    }

    private async Task<int> OwnOrganizerAsync()
    {
        // Agency B gets one member (its administrator) to organise with.
        var agency = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Code == "VOLB").Select(a => a.Id).SingleAsync());
        var user = await _portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "volb-admin").Select(u => u.Id).SingleAsync());
        using var _ = AgencyScope.Use(agency);
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var org = new Organization { Name = "乙单位机关党委", Kind = OrganizationKind.AgencyCommittee, Path = "/" };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = $"/{org.Id}/";
        var m = new Member { Name = "乙单位党员", OrganizationId = org.Id, Stage = MemberStage.FullMember, UserId = user };
        db.Members.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }
}
