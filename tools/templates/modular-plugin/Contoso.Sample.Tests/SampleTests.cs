using System.Text.Json;
using Contoso.Sample.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Contoso.Sample.Tests;

public sealed class SampleTests
{
    [Theory]
    [InlineData(null, "Enter a title.")]
    [InlineData("   ", "Enter a title.")]
    [InlineData("学习党章党规", null)]
    public void Titles_are_checked(string? title, string? problem) => Assert.Equal(problem, SampleRules.TitleProblem(title));

    [Fact]
    public void A_title_longer_than_the_column_is_refused() =>
        Assert.NotNull(SampleRules.TitleProblem(new string('字', SampleRules.TitleMaxLength + 1)));

    [Fact]
    public void Every_message_has_a_chinese_translation()
    {
        var zh = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(ProjectDir(), "Resources", "zh-CN.json")))!;
        Assert.Contains(SampleRules.TitleProblem(null)!, zh.Keys);
        Assert.Contains(SampleRules.TitleProblem(new string('x', 101))!, zh.Keys);
    }

    [Fact]
    public void The_manifest_is_valid_and_names_the_module()
    {
        var manifest = PluginManifest.TryRead(File.ReadAllText(Path.Combine(ProjectDir(), "plugin.json")), out var errors);
        Assert.True(manifest is not null, string.Join(" ", errors));
        Assert.Equal(SampleModule.Id, manifest!.Id);
        Assert.True(manifest.ParsedSdkRange.Includes(SdkInfo.Version));
        Assert.All(new SampleModule().GetPermissions(), p => Assert.StartsWith(SampleModule.Id + ".", p.Name));
    }

    [Fact]
    public async Task Records_stay_in_their_agency()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SampleDbContext>().UseSqlite(connection).Options;
        await using (var first = new SampleDbContext(options, new Agency(1)))
        {
            await first.Database.EnsureCreatedAsync();
            first.Records.Add(new SampleRecord { Title = "一" });
            await first.SaveChangesAsync();
        }
        await using var second = new SampleDbContext(options, new Agency(2));
        Assert.Empty(await second.Records.ToListAsync());
    }

    private sealed record Agency(int? Id) : ICurrentAgency
    {
        public string? Name => null;
    }

    private static string ProjectDir([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Contoso.Sample");
}
