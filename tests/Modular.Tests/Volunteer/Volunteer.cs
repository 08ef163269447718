using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Volunteer;

/// <summary>Drives the volunteer module through its pages and API, as its users do.</summary>
public static class Volunteer
{
    public static string Details(int id) => $"/m/volunteer/Activities/Details/{id}";

    public static Dictionary<string, string> Form(int organizerId, DateTime start, string title = "学雷锋志愿服务进社区", int capacity = 10,
        DateTime? end = null, DateTime? deadline = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = "LeiFeng",
        ["Input.Place"] = "文化路社区党群服务中心",
        ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm"),
        ["Input.EndsAt"] = (end ?? start.AddHours(3)).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.Capacity"] = capacity.ToString(),
        ["Input.SignUpDeadline"] = (deadline ?? start.AddHours(-2)).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.OrganizerMemberId"] = organizerId.ToString(),
        ["Input.OrganizationId"] = "",
        ["Input.Version"] = "0",
    };

    /// <summary>Creates and publishes an activity as <paramref name="client"/> (an organiser); returns its id.</summary>
    public static async Task<int> CreateAsync(this HttpClient client, Dictionary<string, string> form, bool publish = true)
    {
        var response = await client.PostFormAsync("/m/volunteer/Activities/Edit", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"Details/(\d+)").Groups[1].Value);
        if (publish) Assert.Equal(HttpStatusCode.Redirect, (await client.ActAsync(id, "Publish")).StatusCode);
        return id;
    }

    /// <summary>Posts one of the activity page's forms (a handler), with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, int id, string handler, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync(Details(id), fields ?? [], $"{Details(id)}?handler={handler}");

    /// <summary>Moves an activity in time (the tests cannot wait for a real morning).</summary>
    public static Task MoveAsync(this PortalFactory portal, int id, DateTime start, DateTime end, DateTime deadline) =>
        portal.ExecAsync("UPDATE vol_activity SET \"StartsAt\" = @s, \"EndsAt\" = @e, \"SignUpDeadline\" = @d WHERE \"Id\" = @id",
            ("s", start), ("e", end), ("d", deadline), ("id", id));

    public static async Task<string> StatusOfAsync(this PortalFactory portal, int activityId, int memberId) =>
        (await portal.QueryAsync("SELECT \"Status\" FROM vol_signup WHERE \"ActivityId\" = @a AND \"MemberId\" = @m", ("a", activityId), ("m", memberId))).Single();

    public static async Task<string> MessageAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetStringAsync(redirect.Headers.Location!.ToString());
    }
}
