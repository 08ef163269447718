using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Civilization;

/// <summary>One agency neither sees nor changes another's campaigns, items, evidence, activities or honours, through any page or API.</summary>
public sealed class CivilizationIsolationTests : IClassFixture<CivilizationIsolationTests.Portal>
{
    public sealed class Portal() : PortalFactory("civilization");

    private readonly Portal _portal;
    public CivilizationIsolationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Every_page_and_API_keeps_to_the_current_agency()
    {
        await _portal.CreateAgencyAsync("CIVB", "civb-admin", "agency-admin,member", "civilization");
        var office = await _portal.SignedInAsync("office");
        var other = await _portal.SignedInAsync("civb-admin");
        var id = await office.NewCampaignAsync("甲单位的创建活动");
        var item = await office.NewItemAsync(id, "甲单位的测评事项");
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitEvidenceAsync(item, "甲单位的佐证", ("甲.png", AttachmentTests.Png))).StatusCode);
        var file = Regex.Match(await office.GetStringAsync(Civilization.Item(item)), $@"/files/(\d+)").Groups[1].Value;
        var practice = await _portal.FirstPracticeAsync();
        var honour = await _portal.FirstHonourAsync();

        foreach (var path in new[] { "/m/civilization", "/m/civilization/Practice", "/m/civilization/Honours", "/", "/Todo" })
        {
            var html = await other.GetStringAsync(path);
            Assert.DoesNotContain("甲单位的创建活动", html);
            Assert.DoesNotContain("创建省级文明单位", html);
            Assert.DoesNotContain("XX市精神文明建设委员会", html);
            Assert.DoesNotContain("文明实践站", html);
        }
        foreach (var path in new[] { Civilization.Campaign(id), $"/m/civilization/Campaigns/Edit?id={id}", $"/m/civilization/Campaigns/Import/{id}",
                     Civilization.Item(item), $"/m/civilization/Items/Edit?id={item}", $"/m/civilization/Items/Edit?campaignId={id}",
                     $"/m/civilization/Practice/Edit?id={practice}", $"/m/civilization/Honours/Edit?id={honour}",
                     $"/m/civilization/api/campaigns/{id}", $"/m/civilization/api/campaigns/{id}/export.xlsx", $"/m/civilization/api/items/{item}/files/{file}" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/m/civilization/api/campaigns"))!);
        Assert.Empty((await other.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/m/civilization/api/practice"))!);

        // Forms posted against agency A's rows (with B's own antiforgery token) find nothing and change nothing.
        var own = await other.NewCampaignAsync("乙单位的创建活动");
        var token = await other.TokenAsync(Civilization.Campaign(own));
        async Task<HttpStatusCode> Post(string url, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            return (await other.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, await Post($"{Civilization.Item(item)}?handler=Review", new() { ["ReviewStatus"] = "Met", ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"{Civilization.Item(item)}?handler=Evidence", new() { ["EvidenceText"] = "乙单位写的" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Items/Edit?id={item}", new() { ["Input.NewCategory"] = "x", ["Input.Text"] = "乙单位改的", ["Input.Points"] = "1", ["Input.Version"] = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Items/Edit?id={item}&handler=Delete", new()));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Campaigns/Edit?id={id}", new() { ["Input.Name"] = "乙单位改的", ["Input.Year"] = "2026", ["Input.Version"] = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Items/Edit?campaignId={id}", new() { ["CampaignId"] = id.ToString(), ["Input.NewCategory"] = "x", ["Input.Text"] = "乙单位加的", ["Input.Points"] = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Honours/Edit?id={honour}&handler=Delete", new()));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"/m/civilization/Practice/Edit?id={practice}&handler=Delete", new()));
        Assert.Equal("甲单位的创建活动", await _portal.CampaignNameAsync(id));
        Assert.Equal(1, await _portal.EvidenceCountAsync(item));
        Assert.Equal(0, await _portal.ItemsStartingWithAsync("乙单位"));
        Assert.True(await _portal.HonourExistsAsync(honour));
    }
}
