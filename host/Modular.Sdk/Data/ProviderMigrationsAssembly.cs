using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Modular.Sdk;

/// <summary>
/// Finds a context's migrations and snapshot for the provider in use. Each provider keeps its own set in a folder named
/// after it (namespace ending in <c>.Sqlite</c> or <c>.PostgreSql</c>); a set in no such folder counts as SQLite's, the
/// embedded default, so a module written before PostgreSQL still runs there. The portal uses it for every context; a
/// plugin's design-time factory uses it too (<see cref="ProviderMigrations.UseProviderMigrations"/>), so that
/// <c>dotnet ef</c> compares with, and writes, the snapshot of the provider it runs for and never the other's.
/// </summary>
/// <param name="current">The context whose migrations are looked for.</param>
/// <param name="ids">EF's migration id rules.</param>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext current, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    /// <summary>The folder (last namespace segment) of the SQLite set.</summary>
    public const string SqliteFolder = "Sqlite";
    /// <summary>The folder (last namespace segment) of the PostgreSQL set.</summary>
    public const string PostgreSqlFolder = "PostgreSql";

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    private Type ContextType => current.Context.GetType();
    /// <inheritdoc />
    public Assembly Assembly => ContextType.Assembly;

    /// <summary>The folder of the set for an EF provider (its <c>ProviderName</c>).</summary>
    public static string FolderFor(string? providerName) =>
        providerName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? PostgreSqlFolder : SqliteFolder;

    /// <summary>The folder a migration or snapshot type belongs to, from its namespace.</summary>
    public static string FolderOf(Type type)
    {
        var last = type.Namespace?.Split('.')[^1];
        return last is PostgreSqlFolder ? PostgreSqlFolder : SqliteFolder;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Constructible()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && Belongs(t))
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type);

    /// <inheritdoc />
    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotLoaded) return _snapshot;
            var type = Constructible().FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && Belongs(t));
            _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
            _snapshotLoaded = true;
            return _snapshot;
        }
    }

    /// <inheritdoc />
    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IEnumerable<TypeInfo> Constructible()
    {
        Type?[] types;
        try { types = Assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { types = ex.Types; }
        return types.Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }).Select(t => t!.GetTypeInfo());
    }

    private bool Belongs(TypeInfo type) =>
        type.GetCustomAttribute<DbContextAttribute>()?.ContextType == ContextType &&
        FolderOf(type) == FolderFor(current.Context.Database.ProviderName);
}

/// <summary>Points a context at the migrations of the provider it runs on.</summary>
public static class ProviderMigrations
{
    /// <summary>
    /// Uses <see cref="ProviderMigrationsAssembly"/> for the context: its migrations and snapshot are those in the folder of
    /// the configured provider. Call it after <c>UseSqlite</c>/<c>UseNpgsql</c> in a design-time factory.
    /// </summary>
    public static DbContextOptionsBuilder UseProviderMigrations(this DbContextOptionsBuilder options) =>
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
}
