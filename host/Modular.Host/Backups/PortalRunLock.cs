namespace Modular.Host.Backups;

/// <summary>
/// "A portal runs on this SQLite database": a file beside the database held open without sharing for as long as the
/// portal runs (the system drops it when the process ends, even when killed). A restore takes it too, so it refuses a
/// running portal, and a portal started meanwhile sees the restore holding it.
/// </summary>
public sealed class PortalRunLock : IDisposable
{
    private readonly FileStream _file;

    private PortalRunLock(FileStream file) => _file = file;

    public static string PathFor(string databaseFile) => databaseFile + ".lock";

    /// <summary>The lock, or null when a running portal (or a restore) holds it.</summary>
    public static PortalRunLock? TryTake(string databaseFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        try
        {
            return new PortalRunLock(new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
