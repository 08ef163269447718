using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>
/// New agency rows written by one prepared INSERT reused row by row, for bulk seeding only: EF's per-row work (tracking,
/// command building, statement preparing) was most of the seeder's CPU. Columns, conversions and the generated key come
/// from the context's own model, and the rules <see cref="ModuleDbContext"/> applies to added rows are applied here
/// (the current agency, version 1). Not audited row by row and no change stamp: the caller's next save in the same
/// transaction stamps the agency.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, int agencyId, CancellationToken ct = default)
        where T : class, IAgencyOwned, IVersioned
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var setKey = key.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}'s key is not a CLR property.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property: not written by BulkInsert.");

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
                + string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
                + ") VALUES (" + string.Join(", ", columns.Select((_, i) => "@p" + i))
                + ") RETURNING " + sql.DelimitIdentifier(key.GetColumnName(table)!);
            var parameters = new (IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter)[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var mapping = (RelationalTypeMapping)columns[i].GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, "@p" + i, null, columns[i].IsNullable);
                command.Parameters.Add(parameter);
                parameters[i] = (columns[i], mapping, parameter);
            }
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                if (row.AgencyId == 0) row.AgencyId = agencyId;
                else if (row.AgencyId != agencyId) throw new AgencyScopeException("不能为其他单位新增数据。");
                row.Version = 1;
                foreach (var (property, mapping, parameter) in parameters)
                {
                    var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    parameter.Value = value ?? DBNull.Value;
                }
                var id = await command.ExecuteScalarAsync(ct);
                setKey.SetValue(row, Convert.ChangeType(id!, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
