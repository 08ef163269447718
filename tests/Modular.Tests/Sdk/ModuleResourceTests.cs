using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Sdk;

/// <summary>
/// Every first-party module, and the host itself, ships English beside Chinese: its en.json translates every key of its
/// zh-CN.json. The localizer shows the key when en.json lacks it, so a missing entry would show a terse key, or Chinese.
/// </summary>
public sealed partial class ModuleResourceTests
{
    private static List<string> WithChinese() => Directory.GetDirectories(Path.Combine(Paths.Root, "modules"))
        .Where(d => File.Exists(Path.Combine(d, "Resources", "zh-CN.json"))).Select(Path.GetFileName).OfType<string>().Order().ToList();

    public static TheoryData<string> Modules() => new(WithChinese());

    [Fact]
    public void The_first_party_modules_are_checked() => Assert.Equal(["Civilization", "Development", "Dues", "Elections", "Integrity", "OrgLife", "Study", "Supervision", "Transfers", "Volunteer"], WithChinese());

    [Theory]
    [MemberData(nameof(Modules))]
    public void English_has_every_key_of_Chinese_with_the_same_placeholders_and_no_Chinese_text(string module) =>
        Check(Path.Combine(Paths.Root, "modules", module, "Resources"));

    [Fact]
    public void The_hosts_English_has_every_key_of_its_Chinese_with_the_same_placeholders_and_no_Chinese_text() =>
        Check(Path.Combine(Paths.Root, "host", "Modular.Host", "Resources"));

    private static void Check(string resources)
    {
        var zh = Read(Path.Combine(resources, "zh-CN.json"));
        var en = Read(Path.Combine(resources, "en.json"));
        Assert.Empty(zh.Keys.Except(en.Keys).Order());
        Assert.Empty(en.Keys.Except(zh.Keys).Order());
        Assert.Empty(en.Where(e => Placeholders(e.Key) != Placeholders(e.Value)).Select(e => e.Key));
        Assert.Empty(en.Where(e => Han().IsMatch(e.Value)).Select(e => e.Key));
    }

    private static Dictionary<string, string> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order());

    [GeneratedRegex(@"\{\d+")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
