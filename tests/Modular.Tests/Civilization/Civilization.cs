using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Civilization;

/// <summary>Drives the civilization module through its pages and API, as its users do.</summary>
public static class Civilization
{
    public static string Campaign(int id) => $"/m/civilization/Campaigns/Details/{id}";
    public static string Item(int id) => $"/m/civilization/Items/Details/{id}";

    public static async Task<int> NewCampaignAsync(this HttpClient office, string name = "2026年度创建市级文明单位", string title = "MunicipalCivilizedUnit",
        string status = "InProgress", int year = 2026)
    {
        var response = await office.PostFormAsync("/m/civilization/Campaigns/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.TitleLevel"] = title, ["Input.Year"] = year.ToString(), ["Input.Status"] = status, ["Input.Version"] = "0",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"Details/(\d+)").Groups[1].Value);
    }

    public static async Task<int> NewItemAsync(this HttpClient office, int campaignId, string text, string points = "2", string category = "组织领导", int? owner = null, DateOnly? due = null)
    {
        var url = $"/m/civilization/Items/Edit?campaignId={campaignId}";
        var response = await office.PostFormAsync(url, new Dictionary<string, string>
        {
            ["CampaignId"] = campaignId.ToString(), ["Input.NewCategory"] = category, ["Input.Text"] = text, ["Input.Points"] = points,
            ["Input.OwnerMemberId"] = owner?.ToString() ?? "", ["Input.DueDate"] = due?.ToString("yyyy-MM-dd") ?? "", ["Input.Version"] = "0",
        }, url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"Details/(\d+)").Groups[1].Value);
    }

    public static ByteArrayContent Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return Xlsx(stream.ToArray());
    }

    public static ByteArrayContent Xlsx(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient office, int campaignId, ByteArrayContent file, string name = "测评体系.xlsx")
    {
        var url = $"/m/civilization/Campaigns/Import/{campaignId}";
        var token = await office.TokenAsync(url);
        return await office.PostAsync(url, new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "File", name } });
    }

    public static async Task<HttpResponseMessage> SubmitEvidenceAsync(this HttpClient client, int itemId, string text, params (string Name, byte[] Content)[] files)
    {
        var token = await client.TokenAsync(Item(itemId));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(text), "EvidenceText" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new("application/octet-stream");
            form.Add(part, "Files", name);
        }
        return await client.PostAsync($"{Item(itemId)}?handler=Evidence", form);
    }

    public static async Task<HttpResponseMessage> ReviewAsync(this HttpClient client, int itemId, string status, string comment, long? version = null)
    {
        var html = await client.GetStringAsync(Item(itemId));
        var v = version?.ToString() ?? Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        return await client.PostFormAsync(Item(itemId), new Dictionary<string, string> { ["ReviewStatus"] = status, ["ReviewComment"] = comment, ["version"] = v }, $"{Item(itemId)}?handler=Review");
    }

    public static Dictionary<string, object?> Row(string category, string text, object points, string? owner = null, string? due = null) => new()
    {
        ["类别"] = category, ["序号"] = "", ["测评内容"] = text, ["分值"] = points, ["责任人"] = owner ?? "", ["完成时限"] = due ?? "",
    };
}
