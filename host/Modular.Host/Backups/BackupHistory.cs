using System.Text.Json;

namespace Modular.Host.Backups;

/// <summary>One backup the portal took (scheduled or on demand): when, how big, and whether it worked and why not.</summary>
public sealed record BackupRecord
{
    public string File { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public long Size { get; init; }
    public bool Success { get; init; }
    /// <summary>Why it failed, in Chinese (shown to the platform administrator).</summary>
    public string? Error { get; init; }
    /// <summary>"schedule" or the user name of whoever asked for it.</summary>
    public string By { get; init; } = "";
    /// <summary>When retention deleted the file (the line stays, so the history is complete).</summary>
    public DateTimeOffset? RemovedAt { get; init; }
}

/// <summary>
/// The record of backups, kept as an index file in the backup folder itself, not in the database: restoring a backup
/// must not roll back the record of the backups.
/// </summary>
public sealed class BackupHistory(string folder)
{
    public const string IndexFile = "backups.json";
    /// <summary>Lines kept in the index; older ones drop off (their files are long gone).</summary>
    private const int MaxLines = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Folder { get; } = folder;

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<BackupRecord>> ListAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return [.. (await ReadAsync(ct)).OrderByDescending(r => r.StartedAt)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest line, or null when no backup was taken yet.</summary>
    public async Task<BackupRecord?> LastAsync(CancellationToken ct = default) => (await ListAsync(ct)).FirstOrDefault();

    /// <summary>Adds a line; after a success, deletes the files of successful backups beyond the newest <paramref name="keep"/>.</summary>
    public async Task AddAsync(BackupRecord record, int keep, TimeProvider clock, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var lines = await ReadAsync(ct);
            lines.Add(record);
            if (record.Success)
            {
                var surplus = lines.Where(r => r.Success && r.RemovedAt is null).OrderByDescending(r => r.StartedAt).Skip(Math.Max(1, keep)).ToList();
                foreach (var old in surplus)
                {
                    File.Delete(Path.Combine(Folder, old.File));
                    lines[lines.IndexOf(old)] = old with { RemovedAt = clock.GetUtcNow() };
                }
            }
            await WriteAsync([.. lines.OrderBy(r => r.StartedAt).TakeLast(MaxLines)], ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<BackupRecord>> ReadAsync(CancellationToken ct)
    {
        var path = Path.Combine(Folder, IndexFile);
        if (!File.Exists(path)) return [];
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<List<BackupRecord>>(stream, Json, ct) ?? [];
        }
        catch (JsonException)
        {
            // An index edited by hand into nonsense: start a new one rather than stop backing up.
            return [];
        }
    }

    private async Task WriteAsync(List<BackupRecord> lines, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, IndexFile);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, lines, Json, ct);
        File.Move(temp, path, overwrite: true);
    }
}
