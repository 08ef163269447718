using Microsoft.AspNetCore.Identity;
using Modular.Host.Data;
using Modular.Host.Security;
using Modular.Sdk;

namespace Modular.Tests.Sdk;

public sealed class SdkTests
{
    [Theory]
    [InlineData("[1.0.0,2.0.0)", "1.0.0", true)]
    [InlineData("[1.0.0,2.0.0)", "1.9.9", true)]
    [InlineData("[1.0.0,2.0.0)", "2.0.0", false)]
    [InlineData("[1.0.0,2.0.0)", "0.9.9", false)]
    [InlineData("(1.0.0,2.0.0]", "1.0.0", false)]
    [InlineData("(1.0.0,2.0.0]", "2.0.0", true)]
    [InlineData("1.2.0", "1.2.0", true)]
    [InlineData("1.2.0", "9.0.0", true)]
    [InlineData("1.2.0", "1.1.9", false)]
    [InlineData("[1.2.3]", "1.2.3", true)]
    [InlineData("[1.2.3]", "1.2.4", false)]
    [InlineData("[1.0,)", "1.0.0-beta", false)]
    [InlineData("(,2.0)", "1.5.0", true)]
    public void Version_ranges_include_what_they_say(string range, string version, bool included) =>
        Assert.Equal(included, VersionRange.Parse(range).Includes(SemanticVersion.Parse(version)));

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[2.0.0,1.0.0)")]
    [InlineData("(,)")]
    [InlineData("[1.0.0,2.0.0")]
    [InlineData("one")]
    public void Bad_ranges_are_rejected(string range) => Assert.False(VersionRange.TryParse(range, out _));

    [Fact]
    public void Pre_releases_sort_before_their_release() =>
        Assert.True(SemanticVersion.Parse("1.0.0-rc.1") < SemanticVersion.Parse("1.0.0"));

    [Fact]
    public void A_valid_manifest_reads()
    {
        var m = PluginManifest.TryRead("""
            { "id": "org-life", "name": { "zh-CN": "组织生活", "en": "Organisational life" }, "version": "1.0.0",
              "sdk": "[1.0.0,2.0.0)", "entryAssembly": "Modular.Modules.OrgLife.dll", "dependencies": [ { "id": "notes" } ] }
            """, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(m);
        Assert.Equal("组织生活", m.Name!.Zh);
        Assert.Equal("notes", m.Dependencies.Single().Id);
    }

    [Theory]
    [InlineData("""{ "id": "Bad", "name": { "zh-CN": "x" }, "version": "1.0.0", "sdk": "1.0.0", "entryAssembly": "a.dll" }""", "模块标识")]
    [InlineData("""{ "id": "ok", "version": "1.0.0", "sdk": "1.0.0", "entryAssembly": "a.dll" }""", "中文名称")]
    [InlineData("""{ "id": "ok", "name": { "zh-CN": "x" }, "version": "v1", "sdk": "1.0.0", "entryAssembly": "a.dll" }""", "版本号")]
    [InlineData("""{ "id": "ok", "name": { "zh-CN": "x" }, "version": "1.0.0", "sdk": "[x", "entryAssembly": "a.dll" }""", "SDK 版本范围")]
    [InlineData("""{ "id": "ok", "name": { "zh-CN": "x" }, "version": "1.0.0", "sdk": "1.0.0", "entryAssembly": "../a.dll" }""", "入口程序集")]
    [InlineData("""{ "id": "ok", "name": { "zh-CN": "x" }, "version": "1.0.0", "sdk": "1.0.0", "entryAssembly": "a.dll", "dependencies": [ { "id": "ok" } ] }""", "不能依赖自身")]
    [InlineData("""{ "id": """, "不是有效的 JSON")]
    public void Bad_manifests_are_refused_with_a_reason(string json, string reason)
    {
        Assert.Null(PluginManifest.TryRead(json, out var errors));
        Assert.Contains(errors, e => e.Contains(reason));
    }

    [Theory]
    [InlineData("abcdefgh", false)]
    [InlineData("abcd1234", false)]
    [InlineData("Abcd1234", true)]
    [InlineData("abcd123!", true)]
    [InlineData("ABCD!!!!", false)]
    public async Task Passwords_need_three_character_classes(string password, bool ok)
    {
        var result = await new PasswordClassesValidator<PortalUser>().ValidateAsync(null!, new PortalUser(), password);
        Assert.Equal(ok, result.Succeeded);
    }

    [Fact]
    public void Localized_text_follows_the_UI_culture()
    {
        var text = new LocalizedText("组织生活", "Organisational life");
        Assert.Equal("组织生活", text.Get(new System.Globalization.CultureInfo("zh-CN")));
        Assert.Equal("Organisational life", text.Get(new System.Globalization.CultureInfo("en")));
        Assert.Equal("只有中文", new LocalizedText("只有中文").Get(new System.Globalization.CultureInfo("en")));
    }
}
