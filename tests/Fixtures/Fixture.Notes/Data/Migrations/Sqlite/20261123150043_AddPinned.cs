using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixture.Notes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPinned : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Pinned",
                table: "notes_note",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pinned",
                table: "notes_note");
        }
    }
}
