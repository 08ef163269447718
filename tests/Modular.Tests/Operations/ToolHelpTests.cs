using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>Both tools answer --help with their usage and exit 0, without doing any of their work.</summary>
public sealed class ToolHelpTests : IDisposable
{
    private readonly string _dir = PortalFactory.NewWorkDir();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Seed_prints_its_usage_and_seeds_nothing(string flag)
    {
        var database = Path.Combine(_dir, "seed.db");
        using var seed = new HostProcess(HostProcess.BuiltDll("tools/Modular.Seed", "Modular.Seed"), [flag, "--agencies", "1", "--database", database]);
        Assert.True(await seed.ExitedAsync(TimeSpan.FromSeconds(60)), "Still running: " + string.Join('\n', seed.Output));
        Assert.Equal(0, seed.ExitCode);
        Assert.Contains(seed.Output, l => l.Contains("Usage:"));
        Assert.Contains(seed.Output, l => l.Contains("--agencies"));
        Assert.False(File.Exists(database), "--help created a database");
    }

    [Fact]
    public async Task Bench_prints_its_usage_and_starts_no_host()
    {
        // A host folder that does not exist: any attempt to start it would fail, not exit 0.
        using var bench = new HostProcess(HostProcess.BuiltDll("tools/Modular.Bench", "Modular.Bench"), ["--help", "--host", Path.Combine(_dir, "none")]);
        Assert.True(await bench.ExitedAsync(TimeSpan.FromSeconds(60)), "Still running: " + string.Join('\n', bench.Output));
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains(bench.Output, l => l.Contains("Usage"));
        Assert.Contains(bench.Output, l => l.Contains("--connections"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
