using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Civilization.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CategoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "civ_category",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "civ_category");
        }
    }
}
