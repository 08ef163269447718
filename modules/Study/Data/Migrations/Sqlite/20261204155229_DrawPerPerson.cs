using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Study.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DrawPerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Pool",
                table: "stu_test_question",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DrawPerPerson",
                table: "stu_test",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DrawSpec",
                table: "stu_test",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pool",
                table: "stu_test_question");

            migrationBuilder.DropColumn(
                name: "DrawPerPerson",
                table: "stu_test");

            migrationBuilder.DropColumn(
                name: "DrawSpec",
                table: "stu_test");
        }
    }
}
