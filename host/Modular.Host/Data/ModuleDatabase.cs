using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>Puts every module on the host's database, each with its own migrations history table.</summary>
public sealed class ModuleDatabase(DatabaseSettings settings, Auditing.AuditInterceptor audit, Auditing.AuditTransactionInterceptor auditTransactions) : IModuleDatabase
{
    public void Configure(DbContextOptionsBuilder options, string moduleId, Assembly migrationsAssembly)
    {
        // The migrations assembly defaults to the context's own (the plugin's), which lives in the plugin's load context.
        options.UseSqlite(settings.ConnectionString, b => b.MigrationsHistoryTable(HistoryTable(moduleId)))
            .AddInterceptors(audit, auditTransactions);
    }

    public static string HistoryTable(string moduleId) => "__migrations_" + moduleId.Replace('-', '_');
}

public sealed record DatabaseSettings(string ConnectionString);
