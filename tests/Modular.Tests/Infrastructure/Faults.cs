namespace Modular.Tests.Infrastructure;

/// <summary>Database faults for tests of what a failed write leaves behind, on SQLite and PostgreSQL.</summary>
public static class Faults
{
    /// <summary>
    /// Runs <paramref name="work"/> while every insert and update of <paramref name="table"/> (quoted where its name needs it)
    /// fails, as a full disk or a lost connection would; the fault is gone afterwards, whatever happened.
    /// </summary>
    public static async Task WithFailingWritesAsync(this PortalFactory portal, string table, Func<Task> work)
    {
        await portal.ExecAsync(TestDatabase.IsPostgreSql
            ? "CREATE FUNCTION refuse_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql; " +
              $"CREATE TRIGGER refuse_write BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_write();"
            : $"CREATE TRIGGER refuse_write_insert BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END; " +
              $"CREATE TRIGGER refuse_write_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        try { await work(); }
        finally
        {
            await portal.ExecAsync(TestDatabase.IsPostgreSql
                ? $"DROP TRIGGER refuse_write ON {table}; DROP FUNCTION refuse_write();"
                : "DROP TRIGGER refuse_write_insert; DROP TRIGGER refuse_write_update;");
        }
    }
}
