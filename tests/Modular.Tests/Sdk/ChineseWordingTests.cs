using System.Text.RegularExpressions;
using System.Text.Json;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Sdk;

/// <summary>
/// One wording across the portal's Chinese (issue #18): the user is addressed as 您; a rule of "more than half" reads
/// 超过半数 (半数以上 includes half); the minutes of 三会一课 are 会议记录; the committee meeting is 支委会; 党员领导干部.
/// Checked in the zh-CN resources and in the Chinese written into the host's and modules' code and views.
/// </summary>
public sealed class ChineseWordingTests
{
    private static IEnumerable<string> Sources() =>
        new[] { Path.Combine(Paths.Root, "host", "Modular.Host"), Path.Combine(Paths.Root, "modules") }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith("zh-CN.json", StringComparison.Ordinal) || f.EndsWith("plugin.json", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));

    [Theory]
    [InlineData("你(?!支部|党总支|党委)")] // 您; a higher committee's reply (批复) addresses the branch as 你支部, the official form
    [InlineData("半数以上")]     // every half rule of the portal means more than half: 超过半数
    [InlineData("会议纪要")]     // 会议记录
    [InlineData("支部委员会会议")] // 支委会
    [InlineData("领导党员干部")]   // 党员领导干部
    [InlineData("党员干部领导")]
    public void No_text_of_the_portal_uses(string wrong)
    {
        Assert.True(Sources().Count() > 100, "the sources were not found");
        var found = Sources().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Regex.IsMatch(x.line, wrong))
            .Select(x => $"{Path.GetRelativePath(Paths.Root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(found.Count == 0, $"“{wrong}” in:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Where_the_English_says_more_than_half_the_Chinese_says_超过半数()
    {
        var resources = Sources().Where(f => f.EndsWith("zh-CN.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(resources);
        var wrong = resources.SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
            .Where(e => e.Key.Contains("more than half", StringComparison.OrdinalIgnoreCase) && !e.Value.Contains("超过半数", StringComparison.Ordinal))
            .Select(e => e.Value).ToList();
        Assert.Empty(wrong);
    }
}
