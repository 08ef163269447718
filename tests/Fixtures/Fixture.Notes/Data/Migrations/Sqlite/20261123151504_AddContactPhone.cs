using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixture.Notes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddContactPhone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "notes_note",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "notes_note");
        }
    }
}
