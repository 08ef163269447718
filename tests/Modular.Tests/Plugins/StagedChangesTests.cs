using Microsoft.EntityFrameworkCore;
using Modular.Plugins;
using Modular.Plugins.Packages;
using Modular.Sdk;
using Modular.Sdk.Testing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>The plugin runtime's staged changes on a temporary plugins folder, without a portal or a database.</summary>
public sealed class StagedChangesTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
    private readonly string _plugins = Path.Combine(PortalFactory.NewWorkDir(), "plugins");
    private readonly FakeClock _clock = new(Noon);
    private readonly StagedChanges _staged;

    public StagedChangesTests()
    {
        Directory.CreateDirectory(_plugins);
        var assemblies = new AssemblyInspector();
        var database = new NoDatabase();
        _staged = new StagedChanges(_plugins, database, new PluginCatalogLoader(assemblies, []), new PluginMigrator(database), _clock);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_plugins)!, true);

    [Fact]
    public void A_staged_uninstall_waits_with_the_clock_s_stamp_until_it_is_cancelled()
    {
        _staged.StageUninstall("shelf", "1.0.0", deleteData: true, by: "admin", folder: "shelf-old");

        var change = Assert.Single(_staged.Pending());
        Assert.Equal(new StagedChange("shelf", StagedChange.Uninstall, "1.0.0", "1.0.0", true, "admin", Noon.UtcDateTime, "shelf-old"), change);
        Assert.True(_staged.Cancel("shelf"));
        Assert.Empty(_staged.Pending());
        Assert.False(_staged.Cancel("shelf"));
    }

    [Fact]
    public void A_new_upgrade_replaces_the_one_staged_before()
    {
        var manifest = Manifest("2.0.0");
        _staged.StageUpgrade(manifest, new Dictionary<string, byte[]> { ["plugin.json"] = [1], ["wwwroot/old.css"] = [2] }, "1.0.0", "admin");
        _clock.Advance(TimeSpan.FromHours(1));
        _staged.StageUpgrade(Manifest("2.1.0"), new Dictionary<string, byte[]> { ["plugin.json"] = [3] }, "1.0.0", "admin");

        var change = Assert.Single(_staged.Pending());
        Assert.Equal(("2.1.0", Noon.AddHours(1).UtcDateTime), (change.Version, change.At));
        var files = Path.Combine(_staged.Root, "shelf");
        Assert.Equal([3], File.ReadAllBytes(Path.Combine(files, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(files, "wwwroot", "old.css")));
    }

    [Fact]
    public void Files_cannot_be_written_outside_their_folder()
    {
        var folder = Path.Combine(_plugins, "x");
        Assert.Throws<InvalidOperationException>(() => _staged.WriteFiles(folder, new Dictionary<string, byte[]> { ["../escaped.dll"] = [1] }));
        Assert.False(File.Exists(Path.Combine(_plugins, "escaped.dll")));
    }

    [Fact]
    public async Task An_uninstall_that_keeps_the_data_removes_the_folder_at_the_next_start_and_records_the_outcome()
    {
        Directory.CreateDirectory(Path.Combine(_plugins, "shelf"));
        File.WriteAllText(Path.Combine(_plugins, "shelf", "plugin.json"), "{}");
        _staged.StageUninstall("shelf", "1.0.0", deleteData: false, by: "admin");
        _clock.Advance(TimeSpan.FromDays(1));

        var outcome = Assert.Single(await _staged.ApplyAtStartAsync(new PluginTrust(false, [])));

        Assert.True(outcome.Success, outcome.Message);
        Assert.Equal(Noon.AddDays(1).UtcDateTime, outcome.At);
        Assert.False(Directory.Exists(Path.Combine(_plugins, "shelf")));
        Assert.Empty(_staged.Pending());
        Assert.Equal([outcome], _staged.LastOutcomes());
    }

    [Fact]
    public async Task The_package_inspector_refuses_a_path_that_leaves_the_plugin_folder_before_reading_anything_else()
    {
        var inspector = new PackageInspector(new AssemblyInspector(), new PluginPackageOptions());
        var zip = Packages.Zip(new Dictionary<string, byte[]> { ["../evil.dll"] = [1] });

        var inspection = await inspector.InspectAsync(new MemoryStream(zip), new PluginTrust(false, []));

        var error = Assert.Single(inspection.Errors);
        Assert.Contains("“../evil.dll”不安全", error);
        Assert.Null(inspection.Manifest);
    }

    private static PluginManifest Manifest(string version) =>
        PluginManifest.TryRead($$"""{"id":"shelf","name":{"zh-CN":"资料架"},"version":"{{version}}","sdk":"[1.0.0,2.0.0)","entryAssembly":"Fixture.Shelf.dll"}""", out _)
        ?? throw new InvalidOperationException("fixture manifest");

    /// <summary>None of these steps touches a database: any use fails the test.</summary>
    private sealed class NoDatabase : IPluginDatabase
    {
        public Task<IAsyncDisposable> HoldMigrationsAsync(string moduleId, CancellationToken ct = default) => throw new InvalidOperationException("no database here");
        public string HistoryTable(string moduleId) => throw new InvalidOperationException("no database here");
        public void ConfigureMaintenance(DbContextOptionsBuilder options, string moduleId) => throw new InvalidOperationException("no database here");
    }
}
