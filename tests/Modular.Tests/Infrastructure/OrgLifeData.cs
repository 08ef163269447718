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

/// <summary>Org-life meetings recorded as held, for the modules that link them (enter once).</summary>
public static class HeldMeetings
{
    /// <summary>Plans a meeting of <paramref name="branchId"/> on <paramref name="date"/> and records it held with everyone present but the first <paramref name="absent"/>; returns its id and the attendees' count.</summary>
    public static async Task<(int Id, int Expected)> RecordHeldMeetingAsync(this HttpClient client, int branchId, string type, string topic, string place, DateOnly date, int absent = 0)
    {
        var planned = await client.PostFormAsync($"/m/org-life/Meetings/Edit?branch={branchId}", new Dictionary<string, string>
        {
            ["Branch"] = branchId.ToString(), ["Input.Type"] = type, ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Place"] = place, ["Input.Topic"] = topic,
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var id = int.Parse(Regex.Match(planned.Headers.Location!.ToString(), "Details/(\\d+)").Groups[1].Value);
        var html = await client.GetStringAsync($"/m/org-life/Meetings/Record/{id}");
        var fields = new Dictionary<string, string> { ["Minutes"] = "参观警示教育基地，重温入党誓词。", ["Version"] = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value };
        var rows = Regex.Matches(html, "name=\"Rows\\[(\\d+)\\]\\.MemberId\"[^>]*value=\"(\\d+)\"");
        foreach (Match m in rows)
        {
            var i = int.Parse(m.Groups[1].Value);
            fields[$"Rows[{i}].MemberId"] = m.Groups[2].Value;
            fields[$"Rows[{i}].Attendance"] = i < absent ? "Absent" : "Present";
        }
        var recorded = await client.PostFormAsync($"/m/org-life/Meetings/Record/{id}", fields);
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        return (id, rows.Count);
    }
}
