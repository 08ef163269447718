using Microsoft.EntityFrameworkCore;

namespace Modular.Plugins;

/// <summary>What the runtime needs of the host's database to migrate plugins (implemented by the host).</summary>
public interface IPluginDatabase
{
    /// <summary>
    /// Holds the lock under which one module's migrations run, until disposed: instances on one database that start or
    /// install together take turns, and the later ones find nothing left to do.
    /// </summary>
    Task<IAsyncDisposable> HoldMigrationsAsync(string moduleId, CancellationToken ct = default);

    /// <summary>The name of a module's own migrations history table.</summary>
    string HistoryTable(string moduleId);

    /// <summary>Puts a plugin's DbContext on the host's database outside the portal (applying a staged change): its own history table, no audit of data.</summary>
    void ConfigureMaintenance(DbContextOptionsBuilder options, string moduleId);
}
