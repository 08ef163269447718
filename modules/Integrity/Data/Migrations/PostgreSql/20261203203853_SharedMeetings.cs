using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Integrity.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SharedMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LinkedExpected",
                table: "int_warning",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedId",
                table: "int_warning",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedKind",
                table: "int_warning",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedPresent",
                table: "int_warning",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedTitle",
                table: "int_warning",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkedExpected",
                table: "int_warning");

            migrationBuilder.DropColumn(
                name: "LinkedId",
                table: "int_warning");

            migrationBuilder.DropColumn(
                name: "LinkedKind",
                table: "int_warning");

            migrationBuilder.DropColumn(
                name: "LinkedPresent",
                table: "int_warning");

            migrationBuilder.DropColumn(
                name: "LinkedTitle",
                table: "int_warning");
        }
    }
}
