using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>Puts every module on the host's database, each with its own migrations history table.</summary>
public sealed class ModuleDatabase(DatabaseSettings settings, TimeStampInterceptor stamps, Auditing.AuditInterceptor audit, Auditing.AuditTransactionInterceptor auditTransactions,
    Operations.QueryCountInterceptor queries, AgencyChangeInterceptor changes) : IModuleDatabase
{
    public void Configure(DbContextOptionsBuilder options, string moduleId, Assembly migrationsAssembly)
    {
        // Migrations come from the context's own assembly (the plugin's, in its load context), in the provider's folder.
        settings.Apply(options, HistoryTable(moduleId)).AddInterceptors(stamps, audit, auditTransactions, queries, changes);
    }

    public static string HistoryTable(string moduleId) => "__migrations_" + moduleId.Replace('-', '_');
}
