using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>Drives the supervision module through its pages, as its users do, and reads its rows (tables sup_*).</summary>
public static class Supervision
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<int> IdFromRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"/(\d+)(\?|$)").Groups[1].Value);
    }

    /// <summary>The office enters a task; the extra fields (proof, owner person) override the defaults.</summary>
    public static async Task<int> CreateTaskAsync(this HttpClient office, PortalFactory portal, string title, int? ownerOrganization, DateOnly deadline,
        Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Deadline"] = D(deadline), ["Input.Version"] = "0", ["Year"] = deadline.Year.ToString(),
            ["Input.OwnerOrganizationId"] = ownerOrganization?.ToString() ?? "",
        };
        foreach (var (k, v) in extra ?? []) fields[k] = v;
        return await IdFromRedirectAsync(await office.PostFormAsync("/m/supervision/Tasks/Edit", fields));
    }

    /// <summary>Posts one step (Report, Check, Escalate, Close, Reopen) on a task's page with its current version.</summary>
    public static async Task<HttpResponseMessage> StepAsync(this HttpClient client, PortalFactory portal, int taskId, string handler, string note) =>
        await client.PostFormAsync($"/m/supervision/Tasks/Details/{taskId}", new Dictionary<string, string>
        {
            ["Note"] = note, ["Version"] = (await portal.TaskVersionAsync(taskId)).ToString(),
        }, $"/m/supervision/Tasks/Details/{taskId}?handler={handler}");

    public static Task<int> TaskVersionAsync(this PortalFactory portal, int taskId) =>
        portal.IntAsync("SELECT \"Version\" FROM sup_task WHERE \"Id\" = @id", ("id", taskId));

    /// <summary>0 open, 1 done.</summary>
    public static Task<int> TaskStatusAsync(this PortalFactory portal, int taskId) =>
        portal.IntAsync("SELECT \"Status\" FROM sup_task WHERE \"Id\" = @id", ("id", taskId));

    /// <summary>The kinds of a task's steps in order (0 prompted, 1 reported, 2 checked, 3 escalated, 4 closed, 5 reopened, 6 proved).</summary>
    public static Task<List<int>> StepKindsAsync(this PortalFactory portal, int taskId) =>
        portal.IntsAsync("SELECT \"Kind\" FROM sup_task_step WHERE \"TaskId\" = @id ORDER BY \"Id\"", ("id", taskId));

    public static Task<int> FirstOfAgencyAsync(this PortalFactory portal, string table, int agencyId) =>
        portal.IntAsync($"SELECT MIN(\"Id\") FROM {table} WHERE \"AgencyId\" = @a", ("a", agencyId));
}
