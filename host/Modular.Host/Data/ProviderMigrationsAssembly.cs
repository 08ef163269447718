using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Modular.Host.Data;

/// <summary>
/// Finds a context's migrations for the provider in use. Each provider keeps its own set in a folder named after
/// it (namespace ending in <c>.Sqlite</c> or <c>.PostgreSql</c>); a set in no such folder counts as SQLite's,
/// the embedded default, so a module written before PostgreSQL still runs there.
/// </summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext current, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    public const string SqliteFolder = "Sqlite";
    public const string PostgreSqlFolder = "PostgreSql";

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    private Type ContextType => current.Context.GetType();
    public Assembly Assembly => ContextType.Assembly;

    public static string FolderFor(string? providerName) =>
        providerName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? PostgreSqlFolder : SqliteFolder;

    public static string FolderOf(Type type)
    {
        var last = type.Namespace?.Split('.')[^1];
        return last is PostgreSqlFolder ? PostgreSqlFolder : SqliteFolder;
    }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Constructible()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && Belongs(t))
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type);

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

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

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
