using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SharedPluginPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PluginInstanceStates",
                columns: table => new
                {
                    PluginId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Instance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RunningVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginInstanceStates", x => new { x.PluginId, x.Instance });
                });

            migrationBuilder.CreateTable(
                name: "PluginPackages",
                columns: table => new
                {
                    PluginId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackageVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstalledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    InstalledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StagedAction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StagedVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StagedContent = table.Column<byte[]>(type: "bytea", nullable: true),
                    StagedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StagedDeleteData = table.Column<bool>(type: "boolean", nullable: false),
                    StagedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StagedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastOutcomeSuccess = table.Column<bool>(type: "boolean", nullable: false),
                    LastOutcomeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginPackages", x => x.PluginId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PluginInstanceStates");

            migrationBuilder.DropTable(
                name: "PluginPackages");
        }
    }
}
