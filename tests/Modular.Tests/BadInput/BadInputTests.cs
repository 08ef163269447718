using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.BadInput;

/// <summary>The bad inputs issue #15 (9) found answering 500: each now refused with a Chinese message, nothing saved.</summary>
public sealed class BadInputTests(BadInputTests.Portal portal) : IClassFixture<BadInputTests.Portal>
{
    public sealed class Portal() : PortalFactory("civilization", "volunteer");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9999")]
    [InlineData("99999")]
    public async Task A_year_out_of_range_on_a_list_is_refused_with_a_message(string year)
    {
        var member = await portal.SignedInAsync("member");
        var response = await member.GetAsync($"/m/civilization/Practice?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("年份须在 1900 至 2100 之间。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_term_starting_in_9999_is_refused_next_to_its_field()
    {
        var office = await portal.SignedInAsync("office");
        var response = await office.PostFormAsync("/Directory/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "远期党支部", ["Input.Kind"] = "Branch", ["Input.TermStart"] = "9999-12-31", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("日期须在 1900 年至 2100 年之间。", await response.Content.ReadAsStringAsync());
        Assert.Empty(await portal.QueryAsync("SELECT \"Id\" FROM dir_organization WHERE \"Name\" = '远期党支部'"));
    }

    [Theory]
    [InlineData("/Directory/Organizations/Edit", "Input.IsWindowBranch", "Input.Name", "Input.Kind=Branch")]
    [InlineData("/m/volunteer/Partners/Edit", "Input.Active", "Input.Name", "Input.Kind=PairedCommunity")]
    public async Task A_checkbox_sent_a_non_boolean_value_is_refused_with_a_message(string page, string checkbox, string name, string extra)
    {
        var office = await portal.SignedInAsync("office");
        var form = new Dictionary<string, string> { [checkbox] = "maybe", [name] = "勾选测试", ["Input.Version"] = "0" };
        form[extra.Split('=')[0]] = extra.Split('=')[1];
        var response = await office.PostFormAsync(page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("以下输入未被接受：", html);
        Assert.Contains("“maybe”", html);
    }

    [Fact]
    public async Task A_client_edit_without_a_client_id_is_not_found()
    {
        var admin = await portal.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/Platform/Clients/Edit", new Dictionary<string, string>
        {
            ["creating"] = "false", ["Form.ClientId"] = "", ["Form.DisplayName"] = "x", ["Form.AuthorizationCode"] = "true",
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
