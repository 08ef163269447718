using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using Npgsql;
using static Modular.Tests.Backups.BackupTestKit;

namespace Modular.Tests.Backups;

/// <summary>Needs a PostgreSQL server (MODULAR_TEST_POSTGRES) and pg_dump / pg_restore on the PATH.</summary>
public sealed class PgDumpFactAttribute : FactAttribute
{
    public PgDumpFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql) Skip = "Needs PostgreSQL: runs in the PostgreSQL pass of tools/test.sh (MODULAR_TEST_POSTGRES).";
        else if (PgDumpTests.Tool("pg_dump") is null || PgDumpTests.Tool("pg_restore") is null) Skip = "Needs pg_dump and pg_restore on the PATH.";
    }
}

/// <summary>The PostgreSQL backup the README documents: pg_dump of a running portal, pg_restore into a new database, the host started on it.</summary>
public sealed class PgDumpTests : IDisposable
{
    private readonly string _dir = PortalFactory.NewWorkDir();

    public static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [PgDumpFact]
    public async Task A_pg_dump_of_a_running_portal_restores_into_a_new_database_with_data_files_and_a_verifying_audit_chain()
    {
        using var source = new PortalFactory("notes");
        var agency = await source.DemoAgencyIdAsync();
        for (var i = 0; i < 5; i++) await source.AddNoteAsync(agency, $"转储前的笔记 {i}");
        var stored = await SaveFileAsync(source, agency);
        var portalId = await PortalIdAsync(source);
        var auditLines = await source.WithDbAsync(db => db.AuditEntries.CountAsync());

        var dump = Path.Combine(_dir, "modular.dump");
        var from = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        await RunAsync("pg_dump", from, ["--format=custom", "--no-owner", $"--file={dump}", $"--dbname={from.Database}"]);

        using var restored = new PortalFactory(PortalFactory.NewWorkDir(), ["notes"]);
        var to = new NpgsqlConnectionStringBuilder(restored.ConnectionString);
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{to.Database}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        await RunAsync("pg_restore", to, ["--no-owner", "--exit-on-error", $"--dbname={to.Database}", dump]);

        // The host starts on the restored database: same portal, notes, file and an intact chain.
        Assert.Equal(portalId, await PortalIdAsync(restored));
        var notes = await restored.QueryAsync("SELECT \"Title\" FROM notes_note");
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains($"转储前的笔记 {i}", notes));
        Assert.True(await restored.WithDbAsync(db => db.AuditEntries.CountAsync()) >= auditLines);
        Assert.Equal(UploadContentTests.Png, await ReadFileAsync(restored, agency, stored.Id));
        await AssertChainIntactAsync(restored);
        var admin = await restored.SignedInAsync("admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/Platform/Backups")).StatusCode);
    }

    /// <summary>Runs a PostgreSQL client tool against the server of <paramref name="connection"/>; fails the test with its output when it fails.</summary>
    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder connection, string[] args)
    {
        var start = new ProcessStartInfo(Tool(tool)!, [$"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}", "--no-password", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await output}{await errors}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
