using System.Globalization;
using Microsoft.Data.Sqlite;
using Modular.Host.Data;

namespace Modular.Host.Backups;

/// <summary>
/// The "Modular:Backup" settings: where scheduled and on-demand backups go, when the daily one runs (agency clock,
/// Asia/Shanghai by default) and how many are kept. Relative folders resolve beside the SQLite database.
/// </summary>
public sealed class BackupOptions
{
    /// <summary>Modular:Backup:Folder; empty: a "backups" folder beside the SQLite database (PostgreSQL needs one set).</summary>
    public string? Folder { get; set; }

    /// <summary>Modular:Backup:TimeOfDay, e.g. "02:30" in the agency's time zone; "off" turns the daily backup off.</summary>
    public string TimeOfDay { get; set; } = "02:30";

    /// <summary>Modular:Backup:Keep: how many successful backups stay in the folder (older ones are deleted).</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The daily time, or null when the schedule is off (or the setting unreadable, which start reports).</summary>
    public TimeOnly? DailyAt => TimeOnly.TryParseExact(TimeOfDay, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The backup folder as a full path, or null when none can be chosen (PostgreSQL without a setting).</summary>
    public string? ResolveFolder(DatabaseSettings database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            var beside = database.IsPostgreSql ? contentRoot : Path.GetDirectoryName(SqliteFile(database))!;
            return Path.GetFullPath(Path.Combine(beside, Folder));
        }
        return database.IsPostgreSql ? null : Path.Combine(Path.GetDirectoryName(SqliteFile(database))!, "backups");
    }

    /// <summary>The SQLite database's file, as a full path.</summary>
    public static string SqliteFile(DatabaseSettings database) => Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
}
