using System.Text.Json;
using Contoso.Sample.Data;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Contoso.Sample.Tests;

/// <summary>The rules, resources and manifest, as plain code.</summary>
public sealed class SampleTests
{
    [Theory]
    [InlineData(null, "Enter a title.")]
    [InlineData("   ", "Enter a title.")]
    [InlineData("学习党章党规", null)]
    public void Titles_are_checked(string? title, string? problem) =>
        Assert.Equal(problem, SampleRules.Check(title).Select(p => p.Message).SingleOrDefault());

    [Fact]
    public void A_title_longer_than_the_column_is_refused() =>
        Assert.Equal("Title", Assert.Single(SampleRules.Check(new string('字', SampleRules.TitleMaxLength + 1))).Field);

    [Fact]
    public void Every_message_has_a_chinese_translation()
    {
        var zh = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(ProjectDir(), "Resources", "zh-CN.json")))!;
        Assert.Contains(Assert.Single(SampleRules.Check(null)).Message, zh.Keys);
        Assert.Contains(Assert.Single(SampleRules.Check(new string('x', 101))).Message, zh.Keys);
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

    private static string ProjectDir([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Contoso.Sample");
}

/// <summary>
/// The module's services without the portal, with the SDK's test kit (Modular.Sdk.Testing): the module's DbContext on
/// in-memory SQLite for a fake agency, and the permissions the test grants.
/// </summary>
public sealed class SampleServiceTests : IDisposable
{
    private readonly InMemoryModuleDatabase<SampleDbContext> _database = new();
    private readonly FakePermissions _permissions = new();

    public void Dispose() => _database.Dispose();

    private async Task AddRecordAsync(string title)
    {
        await using var db = _database.CreateContext();
        db.Records.Add(new SampleRecord { Title = title });
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<TodoItem>> ToDoAsync()
    {
        await using var db = _database.CreateContext();
        return await new SampleTodo(db, _permissions).GetItemsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_to_do_asks_those_who_may_add_for_a_first_record_until_there_is_one()
    {
        Assert.Empty(await ToDoAsync()); // a member who may only view
        _permissions.Grant(SampleModule.EditPermission);
        Assert.Equal("登记第一条记录", Assert.Single(await ToDoAsync()).Title);

        await AddRecordAsync("学习党章党规");
        Assert.Empty(await ToDoAsync());

        _database.Agency.Id = 2; // another agency has no record yet
        Assert.Single(await ToDoAsync());
    }

    [Fact]
    public async Task Records_are_saved_for_the_current_agency_and_stay_in_it()
    {
        await AddRecordAsync("一");
        await using (var read = _database.CreateContext())
        {
            var saved = await read.Records.SingleAsync();
            Assert.Equal(1, saved.AgencyId);
            Assert.Equal(1, saved.Version);
        }
        _database.Agency.Id = 2;
        await using var other = _database.CreateContext();
        Assert.Empty(await other.Records.ToListAsync());
    }

    [Fact]
    public async Task Demo_data_is_seeded_once_per_agency()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var db = _database.CreateContext();
            await new SampleSeeder(db).SeedAsync(seed: 1, CancellationToken.None);
        }
        await using var read = _database.CreateContext();
        Assert.Equal(["学习党章党规", "主题党日活动准备"], await read.Records.OrderBy(r => r.Id).Select(r => r.Title).ToListAsync());
    }
}
