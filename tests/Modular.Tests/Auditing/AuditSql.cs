using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

/// <summary>What only someone with direct database access can do, in either dialect.</summary>
internal static class AuditSql
{
    public static string DropTrigger => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_entries_no_update;",
        postgres: "DROP TRIGGER audit_entries_no_update ON \"AuditEntries\";");

    public static string DropDeleteTrigger => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_entries_no_delete;",
        postgres: "DROP TRIGGER audit_entries_no_delete ON \"AuditEntries\";");

    public static string DropKeyTriggers => TestDatabase.Sql(
        sqlite: "DROP TRIGGER audit_keys_no_update; DROP TRIGGER audit_keys_no_delete;",
        postgres: "DROP TRIGGER audit_keys_no_change ON \"AuditKeys\";");
}
