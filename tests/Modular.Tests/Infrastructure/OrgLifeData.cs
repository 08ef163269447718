using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;

namespace Modular.Tests.Infrastructure;

/// <summary>Org-life facts for tests of what builds on it (feed links, attachments): the demo agency's branches and planned meetings.</summary>
public static class OrgLifeData
{
    public static async Task<int> BranchIdAsync(this PortalFactory f, string name)
    {
        using var _ = AgencyScope.Use(await f.DemoAgencyIdAsync());
        await using var scope = f.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Plans a meeting of 第一党支部 as the client (its secretary, or the office); returns its id.</summary>
    public static async Task<int> PlanMeetingAsync(this PortalFactory f, HttpClient client, string type, string topic, DateTime date)
    {
        var branch = await f.BranchIdAsync("第一党支部");
        var response = await client.PostFormAsync($"/m/org-life/Meetings/Edit?branch={branch}", new Dictionary<string, string>
        {
            ["Branch"] = branch.ToString(), ["Input.Type"] = type, ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Place"] = "党员活动室", ["Input.Topic"] = topic,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), "Details/(\\d+)").Groups[1].Value);
    }
}
