using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.OrgLife.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrgLifeFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orglife_counted_theme_day",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Expected = table.Column<int>(type: "INTEGER", nullable: true),
                    Present = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_counted_theme_day", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orglife_counted_theme_day_AgencyId",
                table: "orglife_counted_theme_day",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_counted_theme_day_AgencyId_Date",
                table: "orglife_counted_theme_day",
                columns: new[] { "AgencyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_orglife_counted_theme_day_AgencyId_Kind_SourceId",
                table: "orglife_counted_theme_day",
                columns: new[] { "AgencyId", "Kind", "SourceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orglife_counted_theme_day");
        }
    }
}
