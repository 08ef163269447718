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

    // The module's own rows are read and moved by VolunteerData (Infrastructure).

    public static async Task<string> MessageAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetStringAsync(redirect.Headers.Location!.ToString());
    }
}
