using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Backups;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using Modular.Tests.Operations;

namespace Modular.Tests.Backups;

/// <summary>What the backup tests share: the host's commands run as central IT runs them (the built host) or in the test's process, and a portal's data to compare.</summary>
public static class BackupTestKit
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

    /// <summary>A picture stored in the agency through the file store, as a module stores an attachment.</summary>
    public static async Task<StoredFileInfo> SaveFileAsync(PortalFactory portal, int agency)
    {
        using var _ = AgencyScope.Use(agency);
        await using var scope = portal.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        return await store.SaveAsync("notes", "note:1", await store.ReadAsync("签到表.png", new MemoryStream(UploadContentTests.Png)));
    }

    /// <summary>The stored file's bytes, read back in the agency (null when it is not there).</summary>
    public static async Task<byte[]?> ReadFileAsync(PortalFactory portal, int agency, int id)
    {
        using var _ = AgencyScope.Use(agency);
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IFileStore>().OpenAsync("notes", id))?.Content;
    }

    /// <summary>Whether the portal's audit chain verifies, as the audit administrator's check does.</summary>
    public static async Task AssertChainIntactAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Modular.Host.Auditing.AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(report.Intact, $"broken at {report.BrokenAt}");
    }

    public static Task<string> PortalIdAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.PortalIdentities.Select(p => p.PortalId).SingleAsync());
}
