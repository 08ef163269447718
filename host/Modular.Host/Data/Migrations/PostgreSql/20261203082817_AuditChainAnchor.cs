using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Host.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProtectedKey = table.Column<string>(type: "text", nullable: false),
                    KeyedAfterId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditKeys", x => x.Id);
                });

            // Audit lines are deleted only by the retention pruner: its transaction holds a row in the gate table
            // (unseen by any other transaction) for its own delete. The key is never changed or removed.
            migrationBuilder.Sql("""
                CREATE TABLE "AuditPruneGate" ("Id" integer NOT NULL PRIMARY KEY);
                CREATE FUNCTION audit_entries_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM "AuditPruneGate") THEN
                        RAISE EXCEPTION 'the audit log is append-only: only the retention pruner removes lines';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_prune_only();
                CREATE FUNCTION audit_keys_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit chain key is append-only'; END $$;
                CREATE TRIGGER audit_keys_no_change BEFORE UPDATE OR DELETE ON "AuditKeys"
                FOR EACH ROW EXECUTE FUNCTION audit_keys_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
                DROP TRIGGER IF EXISTS audit_entries_no_delete ON "AuditEntries";
                DROP FUNCTION IF EXISTS audit_entries_prune_only();
                DROP TRIGGER IF EXISTS audit_keys_no_change ON "AuditKeys";
                DROP FUNCTION IF EXISTS audit_keys_append_only();
                DROP TABLE IF EXISTS "AuditPruneGate";
                """);

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditKeys");
        }
    }
}
