using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Study;

/// <summary>Drives the study module through its pages, as its users do.</summary>
public static partial class Study
{
    public static Task<int> OpenTestAsync(this PortalFactory portal, int agencyId) =>
        portal.IntAsync("SELECT MIN(\"Id\") FROM stu_test WHERE \"AgencyId\" = @a AND \"Title\" LIKE '%100条%'", ("a", agencyId));

    public static Task<int> FirstOfAgencyAsync(this PortalFactory portal, string table, int agencyId) =>
        portal.IntAsync($"SELECT MIN(\"Id\") FROM {table} WHERE \"AgencyId\" = @a", ("a", agencyId));

    public static async Task StartAsync(this HttpClient client, int testId)
    {
        var response = await client.PostFormAsync($"/m/study/Take/{testId}", new Dictionary<string, string>(), $"/m/study/Take/{testId}?handler=Start");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The questions of the taker's page in their order, each with the values its inputs post (a text box posts "").</summary>
    public static async Task<List<(int Question, List<string> Values)>> QuestionsAsync(this HttpClient client, int testId)
    {
        var html = await client.GetStringAsync($"/m/study/Take/{testId}");
        return InputPattern().Matches(html).GroupBy(m => int.Parse(m.Groups[1].Value))
            .Select(g => (g.Key, g.Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList())).ToList();
    }

    public static async Task<HttpResponseMessage> SaveAsync(this HttpClient client, int testId, int question, string value) =>
        // The token from the module's home (the Take page of another agency's test is not there to give one).
        await client.PostFormAsync("/m/study", new Dictionary<string, string> { ["question"] = question.ToString(), ["value"] = value },
            $"/m/study/Take/{testId}?handler=Save");

    [GeneratedRegex("name=\"q(\\d+)\" id=\"[^\"]+\" value=\"([^\"]*)\"")]
    private static partial Regex InputPattern();
}
