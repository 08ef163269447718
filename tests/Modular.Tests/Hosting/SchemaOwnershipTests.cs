using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Modular.Host.Data;
using Modular.Host.Files;
using Modular.Host.Notifications;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Tests.Hosting;

/// <summary>
/// Files and notices have contexts of their own, on tables the directory's migrations created: the directory's
/// migrations still match its model (no migration to add, nothing moves), and the new contexts claim no schema.
/// </summary>
public sealed class SchemaOwnershipTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_directory_migrations_keep_the_tables_of_files_and_notices_and_the_new_contexts_add_none(DatabaseProvider provider)
    {
        // Nothing connects: the models are compared with each provider's migrations.
        var database = new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=unused;Database=unused");
        using var directory = Create<DirectoryDbContext>(database);
        Assert.False(directory.Database.HasPendingModelChanges());
        Assert.Contains(directory.Model.GetEntityTypes(), t => t.GetTableName() == "host_file");
        Assert.Contains(directory.Model.GetEntityTypes(), t => t.GetTableName() == "dir_notification");

        using var files = Create<FileDbContext>(database);
        using var notices = Create<NotificationDbContext>(database);
        foreach (var context in new DbContext[] { files, notices })
        {
            Assert.Empty(context.Database.GetMigrations());
            Assert.False(context.Database.HasPendingModelChanges());
            Assert.All(context.GetService<IDesignTimeModel>().Model.GetEntityTypes(), t => Assert.True(t.IsTableExcludedFromMigrations(), t.Name));
        }
        Assert.Equal(["host_file", "host_file_data"], files.Model.GetEntityTypes().Select(t => t.GetTableName()).Order());
        Assert.Equal(["dir_notification"], notices.Model.GetEntityTypes().Select(t => t.GetTableName()));
    }

    private static T Create<T>(DatabaseSettings database) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        database.Apply(options);
        return (T)Activator.CreateInstance(typeof(T), options.Options, new NoAgency())!;
    }

    private sealed class NoAgency : ICurrentAgency
    {
        public int? Id => null;
        public string? Name => null;
    }
}
