using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChainAnchor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seal = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProtectedKey = table.Column<string>(type: "TEXT", nullable: false),
                    KeyedAfterId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditKeys", x => x.Id);
                });

            // Audit lines are deleted only by the retention pruner: its transaction holds a row in the gate table
            // (unseen by any other transaction) for its own delete. The key is never changed or removed.
            migrationBuilder.Sql("CREATE TABLE \"AuditPruneGate\" (\"Id\" INTEGER NOT NULL PRIMARY KEY);");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON AuditEntries
                WHEN NOT EXISTS (SELECT 1 FROM AuditPruneGate)
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: only the retention pruner removes lines'); END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER audit_keys_no_update BEFORE UPDATE ON AuditKeys BEGIN SELECT RAISE(ABORT, 'the audit chain key is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_keys_no_delete BEFORE DELETE ON AuditKeys BEGIN SELECT RAISE(ABORT, 'the audit chain key is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete; DROP TRIGGER IF EXISTS audit_keys_no_update; DROP TRIGGER IF EXISTS audit_keys_no_delete; DROP TABLE IF EXISTS \"AuditPruneGate\";");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditKeys");
        }
    }
}
