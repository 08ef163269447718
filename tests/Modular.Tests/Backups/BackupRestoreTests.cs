using System.IO.Compression;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using static Modular.Tests.Backups.BackupTestKit;

namespace Modular.Tests.Backups;

/// <summary>
/// The host's <c>backup</c> and <c>restore</c> commands on SQLite: a backup taken by another process while the portal
/// writes restores into a fresh folder with its data, files and a verifying audit chain; a restore refuses what it must.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _dir = PortalFactory.NewWorkDir();
    private readonly List<PortalFactory> _portals = [];

    private PortalFactory Portal(string? workDir = null)
    {
        var portal = workDir is null ? new PortalFactory("notes") : new PortalFactory(workDir, ["notes"]);
        _portals.Add(portal);
        return portal;
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_into_a_fresh_folder_with_data_files_and_a_verifying_audit_chain()
    {
        var source = Portal();
        var file = Path.Combine(_dir, "portal.zip");
        if (TestDatabase.IsPostgreSql)
        {
            // pg_dump's job there (PgDumpTests): the command says so instead of writing half a backup.
            var (refusedExit, refused) = await RunAsync(["backup", "--to", file, .. PortalArgs(source)]);
            Assert.Equal(1, refusedExit);
            Assert.Contains("pg_dump", refused);
            Assert.False(File.Exists(file));
            return;
        }
        var agency = await source.DemoAgencyIdAsync();
        for (var i = 0; i < 5; i++) await source.AddNoteAsync(agency, $"备份前的笔记 {i}");
        var stored = await SaveFileAsync(source, agency);

        // Notes keep being written (and audited) while the other process backs up.
        using var stop = new CancellationTokenSource();
        var firstDuring = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await source.AddNoteAsync(agency, $"备份中的笔记 {n}");
                firstDuring.TrySetResult();
            }
        });
        await firstDuring.Task;
        var (exit, output) = await RunProcessAsync(["backup", "--to", file, .. PortalArgs(source)]);
        await stop.CancelAsync();
        await writer;
        Assert.True(exit == 0, output);
        Assert.Contains("备份完成", output);
        Assert.Contains("Backup written", output);
        var sourceNotes = await NotesAsync(source);
        var sourceId = await PortalIdAsync(source);

        var restored = Portal(PortalFactory.NewWorkDir());
        var (restoreExit, restoreOutput) = await RunProcessAsync(["restore", "--from", file, .. PortalArgs(restored)]);
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains("审计链校验通过", restoreOutput);

        var notes = await NotesAsync(restored);
        Assert.Subset(sourceNotes.ToHashSet(), notes.ToHashSet());
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains($"备份前的笔记 {i}", notes));
        Assert.Contains("备份中的笔记 0", notes);
        Assert.Equal(sourceId, await PortalIdAsync(restored));
        Assert.Equal(UploadContentTests.Png, await ReadFileAsync(restored, agency, stored.Id));
        await AssertChainIntactAsync(restored);
        // Signed in on the restored portal with the backup's accounts and keys.
        var admin = await restored.SignedInAsync("admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/Platform/Backups")).StatusCode);
    }

    [Fact]
    public async Task A_restore_refuses_a_running_portal_a_file_that_is_no_backup_another_portals_backup_and_a_newer_schema()
    {
        var a = Portal();
        var file = Path.Combine(_dir, "a.zip");
        if (TestDatabase.IsPostgreSql)
        {
            var (pgExit, pgOutput) = await RunAsync(["restore", "--from", file, .. PortalArgs(a)]);
            Assert.Equal(1, pgExit);
            Assert.Contains("pg_restore", pgOutput);
            return;
        }
        await a.AddNoteAsync(await a.DemoAgencyIdAsync(), "甲门户的笔记");
        Assert.Equal(0, (await RunAsync(["backup", "--to", file, .. PortalArgs(a)])).Exit);

        // The portal runs on that database.
        var (exit, output) = await RunAsync(["restore", "--from", file, .. PortalArgs(a)]);
        Assert.Equal(1, exit);
        Assert.Contains("门户正在使用该数据库", output);

        // Not a backup: not a zip, or a zip without a backup's manifest.
        var fresh = Portal(PortalFactory.NewWorkDir());
        var text = Path.Combine(_dir, "text.zip");
        await File.WriteAllTextAsync(text, "这不是备份");
        var other = Path.Combine(_dir, "other.zip");
        using (var zip = ZipFile.Open(other, ZipArchiveMode.Create))
        await using (var entry = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            await entry.WriteAsync("{\"kind\":\"something-else\"}");
        foreach (var bad in new[] { text, other, Path.Combine(_dir, "missing.zip") })
        {
            (exit, output) = await RunAsync(["restore", "--from", bad, .. PortalArgs(fresh)]);
            Assert.Equal(1, exit);
            Assert.Matches("不是门户的备份文件|找不到备份文件", output);
        }
        Assert.False(File.Exists(Path.Combine(fresh.WorkDir, "modular.db")));

        // A damaged backup: the database does not match the manifest's hash.
        var damaged = Path.Combine(_dir, "damaged.zip");
        File.Copy(file, damaged);
        using (var zip = ZipFile.Open(damaged, ZipArchiveMode.Update))
        {
            zip.GetEntry("database/modular.db")!.Delete();
            await using var entry = zip.CreateEntry("database/modular.db").Open();
            await entry.WriteAsync(new byte[4096]);
        }
        (exit, output) = await RunAsync(["restore", "--from", damaged, .. PortalArgs(fresh)]);
        Assert.Equal(1, exit);
        Assert.Contains("备份文件已损坏", output);

        // Another portal (stopped): refused, unless the operator says so.
        var b = Portal();
        await b.AddNoteAsync(await b.DemoAgencyIdAsync(), "乙门户的笔记");
        var bId = await PortalIdAsync(b);
        b.Dispose();
        (exit, output) = await RunAsync(["restore", "--from", file, .. PortalArgs(b)]);
        Assert.Equal(1, exit);
        Assert.Contains("这不是本门户的备份", output);
        Assert.Contains("--force-other-portal", output);
        Assert.Equal(bId, (await Modular.Host.Backups.BackupArchive.ReadIdentityAsync(Path.Combine(b.WorkDir, "modular.db"))).PortalId);
        (exit, output) = await RunAsync(["restore", "--from", file, "--force-other-portal", .. PortalArgs(b)]);
        Assert.True(exit == 0, output);
        Assert.Equal(await PortalIdAsync(a), (await Modular.Host.Backups.BackupArchive.ReadIdentityAsync(Path.Combine(b.WorkDir, "modular.db"))).PortalId);
        Assert.Single(Directory.GetFiles(b.WorkDir, "modular.db.before-restore-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));

        // A backup of a newer build: a migration this build does not know.
        await a.ExecAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        var newer = Path.Combine(_dir, "newer.zip");
        Assert.Equal(0, (await RunAsync(["backup", "--to", newer, .. PortalArgs(a)])).Exit);
        (exit, output) = await RunAsync(["restore", "--from", newer, .. PortalArgs(fresh)]);
        Assert.Equal(1, exit);
        Assert.Contains("29991231000000_FromTheFuture", output);
        Assert.Contains("比此版本新", output);
        Assert.False(File.Exists(Path.Combine(fresh.WorkDir, "modular.db")));
        Assert.Empty(Directory.GetDirectories(fresh.WorkDir, ".restore-*"));
    }

    [Fact]
    public async Task Help_prints_the_usage_and_a_wrong_command_line_exits_2()
    {
        var (exit, output) = await RunProcessAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("backup", output);
        Assert.Contains("restore", output);
        (exit, output) = await RunAsync("restore");
        Assert.Equal(2, exit);
        Assert.Contains("--from", output);
    }

    private static async Task<List<string>> NotesAsync(PortalFactory portal)
    {
        return await portal.QueryAsync("SELECT \"Title\" FROM notes_note");
    }

    public void Dispose()
    {
        foreach (var portal in _portals) portal.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
