namespace Modular.Tests.Infrastructure;

/// <summary>A test of what only a shared server database allows (several instances); skipped on the SQLite run.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql) Skip = "Needs PostgreSQL: runs in the PostgreSQL pass of tools/test.sh (MODULAR_TEST_POSTGRES).";
    }
}
