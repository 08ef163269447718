using System.Net;
using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Hosting;

/// <summary>The host and each plugin migrate an empty database, an existing one, and one left at an older plugin version (on either provider).</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task An_empty_database_is_created_with_a_history_table_per_module()
    {
        using var portal = new PortalFactory("notes");
        _ = portal.Server;
        var host = await portal.QueryAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"");
        var known = await portal.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.Equal(known, host);
        Assert.EndsWith("_Initial", host[0]);
        var notes = await portal.QueryAsync("SELECT \"MigrationId\" FROM __migrations_notes ORDER BY \"MigrationId\"");
        Assert.Equal(3, notes.Count);
        Assert.EndsWith("_Initial", notes[0]);
        Assert.EndsWith("_AddPinned", notes[1]);
        Assert.EndsWith("_AddContactPhone", notes[2]);
        if (!TestDatabase.IsPostgreSql) Assert.Equal("wal", (await portal.QueryAsync("PRAGMA journal_mode")).Single());
    }

    [Fact]
    public async Task Restarting_on_an_existing_database_keeps_data_and_seeds_once()
    {
        string workDir;
        using (var first = new PortalFactory("notes"))
        {
            workDir = first.WorkDir;
            var agency = await first.DemoAgencyIdAsync();
            await first.AddNoteAsync(agency, "重启前的笔记");
        }
        using var second = new PortalFactory(workDir, [], copyPlugins: false);
        var client = await second.SignedInAsync("office");
        Assert.Contains("重启前的笔记", await client.GetStringAsync("/m/notes"));
        var agencies = await second.WithDbAsync(db => db.Agencies.CountAsync());
        Assert.Equal(int.Parse(second.Settings["Modular:DemoAgencyCount"]), agencies); // seeded once, not again
        Assert.Equal(agencies, (await second.QueryAsync("SELECT \"Title\" FROM notes_note WHERE \"Title\" = '示例笔记'")).Count);
    }

    [Fact]
    public async Task A_database_at_an_older_plugin_version_gets_the_new_migration_and_keeps_its_rows()
    {
        string workDir;
        using (var first = new PortalFactory("notes"))
        {
            workDir = first.WorkDir;
            _ = first.Server;
        }
        var connection = TestDatabase.ConnectionString(workDir);
        // Take the database back to plugin version "Initial": no Pinned column, one row of old data.
        await TestDatabase.ExecAsync(connection, "ALTER TABLE notes_note DROP COLUMN \"Pinned\"; ALTER TABLE notes_note DROP COLUMN \"ContactPhone\";"
            + "DELETE FROM __migrations_notes WHERE \"MigrationId\" LIKE '%_AddPinned' OR \"MigrationId\" LIKE '%_AddContactPhone';"
            + "INSERT INTO notes_note (\"AgencyId\", \"Title\", \"Body\", \"Version\") VALUES (1, '旧版本留下的笔记', '', 1);");
        TestDatabase.Release(connection);

        using var second = new PortalFactory(workDir, [], copyPlugins: false);
        _ = second.Server;
        Assert.True(second.Catalog.IsRunning("notes"));
        Assert.Equal(3, (await second.QueryAsync("SELECT \"MigrationId\" FROM __migrations_notes")).Count);
        Assert.Contains("Pinned", await second.QueryAsync(TestDatabase.Sql(
            sqlite: "SELECT name FROM pragma_table_info('notes_note')",
            postgres: "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes_note'")));
        Assert.Single(await second.QueryAsync("SELECT \"Title\" FROM notes_note WHERE \"Title\" = '旧版本留下的笔记'"));
    }
}
