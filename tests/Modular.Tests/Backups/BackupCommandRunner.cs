using Modular.Host.Backups;
using Modular.Tests.Infrastructure;
using Modular.Tests.Operations;

namespace Modular.Tests.Backups;

/// <summary>The host's backup and restore commands, run as central IT runs them (the built host) or in the test's process.</summary>
public static class BackupCommandRunner
{
    public static string HostDll => HostProcess.BuiltDll("host/Modular.Host", "Modular.Host");

    /// <summary>What points a command at a test portal's database and plugins, as its start does.</summary>
    public static string[] PortalArgs(PortalFactory portal) =>
    [
        $"--contentRoot={Paths.HostProject}",
        "--environment=Production",
        $"--Modular:DatabaseProvider={TestDatabase.ProviderSetting}",
        $"--Modular:ConnectionString={portal.ConnectionString}",
        $"--Modular:PluginsPath={portal.PluginsDir}",
        .. portal.Settings.Select(s => $"--{s.Key}={s.Value}"),
    ];

    /// <summary>Runs a command in this process: its exit code and what it printed (both streams).</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await BackupCommands.RunAsync(args, output, output);
        return (exit, output.ToString());
    }

    /// <summary>Runs a command as its own process of the built host.</summary>
    public static async Task<(int Exit, string Output)> RunProcessAsync(params string[] args)
    {
        using var process = new HostProcess(HostDll, args);
        Assert.True(await process.ExitedAsync(TimeSpan.FromMinutes(3)), "Still running: " + string.Join('\n', process.Output));
        return (process.ExitCode, string.Join('\n', process.Output.Concat(process.Errors)));
    }
}
