namespace Modular.Tests.Infrastructure;

/// <summary>
/// How the module drivers (IntegrityData, VolunteerData, CivilizationData) read and move a plugin module's own rows: SQL on
/// purpose, since the module's entity types live in the plugin's load context, which the tests do not reference. Tests call
/// the drivers' named methods, so that each table and column name is written in one place.
/// </summary>
internal static class ModuleSql
{
    public static async Task<int> IntAsync(this PortalFactory portal, string sql, params (string, object)[] args) =>
        int.Parse((await portal.QueryAsync(sql, args)).Single());

    public static async Task<List<int>> IntsAsync(this PortalFactory portal, string sql, params (string, object)[] args) =>
        (await portal.QueryAsync(sql, args)).Select(int.Parse).ToList();

    public static async Task<string> TextAsync(this PortalFactory portal, string sql, params (string, object)[] args) =>
        (await portal.QueryAsync(sql, args)).Single();

    /// <summary>A date column read with <c>CAST(… AS TEXT)</c>, which both providers write as yyyy-MM-dd.</summary>
    public static async Task<DateOnly> DateAsync(this PortalFactory portal, string sql, params (string, object)[] args) =>
        DateOnly.ParseExact(await portal.TextAsync(sql, args), "yyyy-MM-dd");

    /// <summary>An enum column (stored as its number).</summary>
    public static async Task<T> EnumAsync<T>(this PortalFactory portal, string sql, params (string, object)[] args) where T : struct, Enum =>
        (T)Enum.ToObject(typeof(T), await portal.IntAsync(sql, args));

    public static async Task<List<T>> EnumsAsync<T>(this PortalFactory portal, string sql, params (string, object)[] args) where T : struct, Enum =>
        (await portal.IntsAsync(sql, args)).Select(v => (T)Enum.ToObject(typeof(T), v)).ToList();

    /// <summary>Several columns of each row, as text (a NULL reads as an empty string).</summary>
    public static async Task<List<string[]>> RowsAsync(this PortalFactory portal, string sql, params (string, object)[] args)
    {
        await using var connection = await TestDatabase.OpenAsync(portal.ConnectionString);
        await using var command = TestDatabase.Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i))!).ToArray());
        return rows;
    }

    /// <summary>A boolean column: SQLite stores 0/1, PostgreSQL true/false.</summary>
    public static bool IsTrue(string value) => value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rows of every table whose name starts with <paramref name="prefix"/> (a module's tables), all agencies together.</summary>
    public static async Task<Dictionary<string, int>> RowsPerTableAsync(this PortalFactory portal, string prefix)
    {
        var tables = await portal.QueryAsync(TestDatabase.Sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE @p ESCAPE '\\' ORDER BY name",
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE @p ORDER BY table_name"),
            ("p", prefix.Replace("_", "\\_") + "%"));
        var rows = new Dictionary<string, int>();
        foreach (var table in tables) rows[table] = await portal.IntAsync($"SELECT COUNT(*) FROM \"{table}\"");
        return rows;
    }
}
