using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.Data.Migrations.Sqlite
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
                    PluginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RunningVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginInstanceStates", x => new { x.PluginId, x.Instance });
                });

            migrationBuilder.CreateTable(
                name: "PluginPackages",
                columns: table => new
                {
                    PluginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PackageVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstalledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InstalledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StagedAction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StagedVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StagedContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    StagedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StagedDeleteData = table.Column<bool>(type: "INTEGER", nullable: false),
                    StagedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastOutcomeSuccess = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastOutcomeAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
