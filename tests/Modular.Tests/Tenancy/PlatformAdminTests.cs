using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Tenancy;

/// <summary>The platform administrator's agency pages: create, validate, edit with concurrency, accounts.</summary>
public sealed class PlatformAdminTests : IClassFixture<PlatformAdminTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public PlatformAdminTests(Portal portal) => _portal = portal;

    private static Dictionary<string, string> Agency(string name, string shortName, string code, string version = "0") => new()
    {
        ["Input.Name"] = name, ["Input.ShortName"] = shortName, ["Input.Code"] = code, ["Input.Status"] = "Active", ["Input.Version"] = version,
    };

    [Fact]
    public async Task Creating_an_agency_validates_each_field_in_Chinese_and_saves_nothing_on_error()
    {
        var client = await _portal.SignedInAsync("admin");
        var before = await _portal.WithDbAsync(db => db.Agencies.CountAsync());
        var empty = await client.PostFormAsync("/Platform/Agencies/Edit", Agency("", "", "坏 编码"));
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请输入单位名称。", html);
        Assert.Contains("请输入单位简称。", html);
        Assert.Contains("单位编码只能包含字母、数字和连字符。", html);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Agencies.CountAsync()));

        var duplicate = await client.PostFormAsync("/Platform/Agencies/Edit", Agency("另一个单位", "另一个", "SJZYJ"));
        Assert.Contains("该编码已被其他单位使用。", await duplicate.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/Platform/Agencies/Edit", Agency("XX市机关事务管理局", "市机关事务局", "jgswj"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await client.GetStringAsync("/Platform/Agencies?q=机关事务");
        Assert.Contains("市机关事务局", list);
        Assert.Contains("JGSWJ", list); // codes are kept upper case
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_message()
    {
        var client = await _portal.SignedInAsync("admin");
        await client.PostFormAsync("/Platform/Agencies/Edit", Agency("并发测试单位", "并发", "CONC"));
        var id = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Code == "CONC").Select(a => a.Id).SingleAsync());
        var form = await client.GetStringAsync($"/Platform/Agencies/Edit?id={id}");
        var version = Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var first = await client.PostFormAsync($"/Platform/Agencies/Edit?id={id}", Agency("并发测试单位（一）", "并发", "CONC", version));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.PostFormAsync($"/Platform/Agencies/Edit?id={id}", Agency("并发测试单位（二）", "并发", "CONC", version));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("其他人修改了这条记录", await second.Content.ReadAsStringAsync());
        Assert.Equal("并发测试单位（一）", await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_platform_creates_an_agency_administrator_who_can_then_sign_in_there()
    {
        var client = await _portal.SignedInAsync("admin");
        await client.PostFormAsync("/Platform/Agencies/Edit", Agency("XX市委政策研究室", "市委政研室", "ZYS2"));
        var id = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Code == "ZYS2").Select(a => a.Id).SingleAsync());

        var weak = await client.PostFormAsync($"/Platform/Agencies/Accounts/{id}", new Dictionary<string, string>
        {
            ["Input.UserName"] = "zys-office", ["Input.DisplayName"] = "张敏", ["Input.Password"] = "abc", ["Input.Admin"] = "true",
        }, $"/Platform/Agencies/Accounts/{id}?handler=Add");
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要 8 位。", weakHtml);
        Assert.Contains("密码须包含大写字母、小写字母、数字、符号中的至少三类。", weakHtml);

        var added = await client.PostFormAsync($"/Platform/Agencies/Accounts/{id}", new Dictionary<string, string>
        {
            ["Input.UserName"] = "zys-office", ["Input.DisplayName"] = "张敏", ["Input.Password"] = "Zys@2026x", ["Input.Admin"] = "true",
        }, $"/Platform/Agencies/Accounts/{id}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var office = await _portal.SignedInAsync("zys-office", "Zys@2026x");
        Assert.StartsWith("/Account/ChangePassword", (await office.GetAsync("/")).Headers.Location!.ToString());
        var changed = await office.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Zys@2026x", ["Input.NewPassword"] = "Own@2026zys", ["Input.ConfirmPassword"] = "Own@2026zys",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var home = await office.GetStringAsync("/");
        Assert.Contains("市委政研室", home);
        Assert.Contains("本单位模块", home);
    }
}
