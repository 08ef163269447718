using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Jobs;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>Drives the anti-corruption module through its pages, API and festival job, as its users do.</summary>
public static class Integrity
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<int> IdFromRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"/(\d+)(\?|$)").Groups[1].Value);
    }

    public static async Task<int> RecordTalkAsync(this HttpClient client, DateOnly day, int talker, int talkee, string summary = "任前廉政谈话：明确岗位廉政风险，签订廉洁承诺书。") =>
        await IdFromRedirectAsync(await client.PostFormAsync("/m/integrity/Talks/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "OnTakingOffice", ["Input.Date"] = D(day), ["Input.TalkerMemberId"] = talker.ToString(),
            ["Input.TalkeeMemberId"] = talkee.ToString(), ["Input.Summary"] = summary, ["Input.Version"] = "0",
        }));

    /// <summary>Makes a member the agency Party committee's secretary (a committee post in the directory).</summary>
    public static async Task MakeCommitteeSecretaryAsync(this PortalFactory portal, int agencyId, int memberId)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var committee = await db.Organizations.Where(o => o.Kind == OrganizationKind.AgencyCommittee).Select(o => o.Id).FirstAsync();
        db.Posts.Add(new OrganizationPost { OrganizationId = committee, MemberId = memberId, Post = CommitteePost.Secretary });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the scheduled jobs as at 9:00 on <paramref name="day"/> in the agency's time zone.</summary>
    public static Task<int> RunJobsAsync(this PortalFactory portal, DateOnly day)
    {
        var zone = portal.AgencyClock.TimeZone;
        var nine = day.ToDateTime(new TimeOnly(9, 0));
        return portal.Services.GetRequiredService<ScheduledJobRunner>().RunOnceAsync(new DateTimeOffset(nine, zone.GetUtcOffset(nine)).ToUniversalTime()); // as the host's clock gives it (PostgreSQL stores UTC only)
    }
}
