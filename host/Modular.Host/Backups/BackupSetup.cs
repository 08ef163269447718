using Modular.Host.Data;
using Modular.Host.Operations;

namespace Modular.Host.Backups;

public static class BackupSetup
{
    /// <summary>Backups of the running portal: the folder and its index, "back up now" and the daily schedule.</summary>
    public static void AddBackups(this WebApplicationBuilder builder, DatabaseSettings database)
    {
        var options = builder.Configuration.GetSection("Modular:Backup").Get<BackupOptions>() ?? new BackupOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new BackupHistory(options.ResolveFolder(database, contentRoot) ?? Path.Combine(contentRoot, "backups")));
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<BackupScheduler>());
        services.AddSingleton<PortalRunning>();
        services.AddSingleton<IStatusSection, BackupStatusSection>();
    }

    /// <summary>At start, after the migrations: the portal's id exists, and the run lock says a portal runs on this SQLite file.</summary>
    public static async Task InitializeBackupsAsync(this WebApplication app, ILogger logger)
    {
        app.Services.GetRequiredService<PortalRunning>().Take(logger);
        await using var scope = app.Services.CreateAsyncScope();
        await PortalIdentity.EnsureAsync(scope.ServiceProvider.GetRequiredService<HostDbContext>(), app.Services.GetRequiredService<TimeProvider>());
    }
}

/// <summary>Holds the <see cref="PortalRunLock"/> for as long as the portal runs (released with the container).</summary>
public sealed class PortalRunning(DatabaseSettings database) : IDisposable
{
    private PortalRunLock? _lock;

    public void Take(ILogger logger)
    {
        if (database.IsPostgreSql || _lock is not null) return;
        _lock = PortalRunLock.TryTake(BackupOptions.SqliteFile(database));
        if (_lock is null)
            logger.LogWarning("Another process holds {Lock}: another portal, or a restore, runs on this SQLite database", PortalRunLock.PathFor(BackupOptions.SqliteFile(database)));
    }

    public void Dispose() => _lock?.Dispose();
}
