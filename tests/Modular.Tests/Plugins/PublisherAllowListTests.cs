using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Modular.Plugins.Packages;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// The allow-list of plugin publishers is kept by the security administrator in the portal (two people: the system
/// administrator uploads, the security administrator decides whose signature counts); every change is audited.
/// </summary>
public sealed class PublisherAllowListTests
{
    private const string Page = "/Security/Publishers";

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string name, string key) =>
        client.PostFormAsync(Page, new Dictionary<string, string> { ["Name"] = name, ["PublicKey"] = key }, Page + "?handler=Add");

    private static string Pem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    [Fact]
    public async Task The_security_administrator_allows_a_publisher_whose_packages_are_then_installed_and_removes_it_again()
    {
        using var vendor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var portal = new PortalFactory("notes");
        var admin = await portal.SignedInAsync("admin");
        var refused = await admin.UploadAsync(Packages.Pack("shelf", vendor, "某软件公司"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var security = await portal.SignedInAsync("secadmin");
        var nav = WebUtility.HtmlDecode(await security.GetStringAsync("/"));
        Assert.Contains(Page, nav);
        var added = await AddAsync(security, " 某软件公司 ", Pem(vendor)); // PEM as pasted, name trimmed
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var keyId = PackageFormat.KeyId(vendor.ExportSubjectPublicKeyInfo());
        var list = WebUtility.HtmlDecode(await security.GetStringAsync(Page));
        Assert.Contains("某软件公司", list);
        Assert.Contains(keyId, list);
        Assert.Contains(Packages.TestPublisherName, list); // the settings' key, shown read-only
        Assert.Contains(await portal.AuditAsync("plugin.publisher.added"), l => l.StartsWith("Publisher:" + keyId) && l.Contains("某软件公司"));
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "plugin.publisher.added").Select(e => e.UserName).ToListAsync()), u => u == "secadmin");

        Assert.Contains("已安装并运行（签名：某软件公司", await admin.UploadOkAsync(Packages.Pack("shelf", vendor, "某软件公司")));

        var id = (await portal.WithDbAsync(db => db.PluginPublishers.Select(p => p.Id).ToListAsync())).Single();
        var removed = await security.PostFormAsync(Page, new Dictionary<string, string>(), $"{Page}?handler=Remove&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains(await portal.AuditAsync("plugin.publisher.removed"), l => l.StartsWith("Publisher:" + keyId));
        Assert.DoesNotContain(keyId, WebUtility.HtmlDecode(await security.GetStringAsync(Page)));
        // The running plugin stays (a restart would refuse it); the Modules page says its signer is no longer allowed.
        Assert.Contains("签名者不在允许列表", WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules")));
    }

    [Theory]
    [InlineData("", "valid", "请填写发布者名称。")]
    [InlineData("某公司", "", "请填写公钥。")]
    [InlineData("某公司", "不是密钥", "公钥不是有效的 base64 文本。")]
    [InlineData("某公司", "rsa", "公钥须为 ECDSA P-256 公钥")]
    [InlineData("某公司", "settings", "该公钥已在允许的发布者名单中（名为“测试发布者”")]
    public async Task A_bad_publisher_is_refused_next_to_its_field_and_nothing_is_saved(string name, string key, string message)
    {
        using var portal = new PortalFactory();
        var security = await portal.SignedInAsync("secadmin");
        using var valid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        var text = key switch
        {
            "valid" => Pem(valid),
            "rsa" => Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()),
            "settings" => Packages.TestPublisherKey,
            _ => key,
        };
        var response = await AddAsync(security, name, text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("field-validation-error[^>]*>[^<]*" + System.Text.RegularExpressions.Regex.Escape(message), html);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PluginPublishers.CountAsync()));
        Assert.Empty(await portal.AuditAsync("plugin.publisher.added"));
    }

    [Fact]
    public async Task The_system_administrator_who_uploads_cannot_see_or_change_the_list()
    {
        using var vendor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var portal = new PortalFactory();
        var admin = await portal.SignedInAsync("admin");
        var page = await admin.GetAsync(Page);
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.ToString().Contains("AccessDenied")), page.StatusCode.ToString());
        Assert.DoesNotContain(Page, await admin.GetStringAsync("/"));

        // A post with the admin's own antiforgery token (from a page it may open) is refused as well.
        var token = await admin.TokenAsync("/Platform/Modules");
        var post = await admin.PostAsync(Page + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Name"] = "自己人", ["PublicKey"] = Pem(vendor),
        }));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.ToString().Contains("AccessDenied")), post.StatusCode.ToString());
        Assert.Equal(0, await portal.WithDbAsync(db => db.PluginPublishers.CountAsync()));
    }
}
