using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// modpack (tools/Modular.Pack) as a vendor runs it, on a copy of a built fixture plugin: it checks what it packs (the SDK
/// range, the version, the portal's own assemblies), packs nothing when a check fails, and says what it packs and leaves out.
/// </summary>
public sealed class ModpackTests : IDisposable
{
    private readonly string _work = PortalFactory.NewWorkDir();
    private readonly string _plugin;
    private readonly string _dist;

    public ModpackTests()
    {
        _plugin = Path.Combine(_work, "shelf");
        _dist = Path.Combine(_work, "dist");
        Paths.CopyDirectory(Paths.PluginSource("shelf"), _plugin);
    }

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public async Task Packs_a_built_plugin_listing_each_file_with_its_size_and_saying_what_it_leaves_out()
    {
        await File.WriteAllBytesAsync(Path.Combine(_plugin, "Fixture.Shelf.pdb"), new byte[10]);
        // A build copies a framework assembly from a package when the package's is newer: the portal has its own.
        File.Copy(typeof(JsonNode).Assembly.Location, Path.Combine(_plugin, "System.Text.Json.dll"));

        var (code, output) = await ModpackAsync("pack", _plugin, "--out", _dist);

        Assert.True(code == 0, output);
        Assert.Contains("left out  Fixture.Shelf.pdb (debug symbols)", output);
        Assert.Contains("left out  System.Text.Json.dll (part of the .NET and ASP.NET Core frameworks", output);
        var dllSize = new FileInfo(Path.Combine(_plugin, "Fixture.Shelf.dll")).Length;
        Assert.Matches(@$"\d+(\.\d)? KB  Fixture\.Shelf\.dll", output);
        Assert.Contains($"{new FileInfo(Path.Combine(_plugin, "plugin.json")).Length} B  plugin.json", output);
        Assert.Contains("built against Modular.Sdk 1.", output);
        Assert.True(dllSize > 1024);
        using var zip = ZipFile.OpenRead(Path.Combine(_dist, "shelf-1.0.0.modpkg"));
        Assert.Equal(
            ["Fixture.Shelf.deps.json", "Fixture.Shelf.dll", "Fixture.Shelf.runtimeconfig.json", "Fixture.Shelf.staticwebassets.endpoints.json", "package.sha256", "plugin.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_manifest_whose_sdk_range_leaves_out_the_SDK_the_assembly_references()
    {
        EditManifest(m => m["sdk"] = "[2.0.0,3.0.0)");

        var (code, output) = await ModpackAsync("pack", _plugin, "--out", _dist);

        Assert.Equal(3, code);
        Assert.Contains("Fixture.Shelf.dll is built against Modular.Sdk 1.", output);
        Assert.Contains("outside the range \"[2.0.0,3.0.0)\"", output);
        Assert.False(Directory.Exists(_dist) && Directory.EnumerateFiles(_dist).Any());
    }

    [Fact]
    public async Task Refuses_a_manifest_version_other_than_the_assembly_s()
    {
        EditManifest(m => m["version"] = "1.0.1");

        var (code, output) = await ModpackAsync("pack", _plugin, "--out", _dist);

        Assert.Equal(3, code);
        Assert.Contains("plugin.json says version 1.0.1, Fixture.Shelf.dll is version 1.0.0", output);
        Assert.False(Directory.Exists(_dist) && Directory.EnumerateFiles(_dist).Any());
    }

    [Theory]
    [InlineData(typeof(Modular.Sdk.IModule), "the portal provides Modular.Sdk")]
    [InlineData(typeof(Microsoft.EntityFrameworkCore.DbContext), "the portal provides EF Core")]
    public async Task Refuses_an_assembly_the_portal_provides_instead_of_dropping_it(Type provided, string message)
    {
        var file = Path.GetFileName(provided.Assembly.Location);
        File.Copy(provided.Assembly.Location, Path.Combine(_plugin, file));

        var (code, output) = await ModpackAsync("pack", _plugin, "--out", _dist);

        Assert.Equal(3, code);
        Assert.Contains($"{file}: {message}", output);
        Assert.Contains("ExcludeAssets=\"runtime\"", output);
        Assert.False(Directory.Exists(_dist) && Directory.EnumerateFiles(_dist).Any());
    }

    private void EditManifest(Action<JsonObject> edit)
    {
        var path = Path.Combine(_plugin, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private static async Task<(int Code, string Output)> ModpackAsync(params string[] arguments)
    {
        var modpack = Directory.GetFiles(Path.Combine(Paths.Root, "tools", "Modular.Pack", "bin"), "modpack.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(modpack);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
