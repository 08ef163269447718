using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Volunteer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CountsAsThemePartyDay",
                table: "vol_activity",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountsAsThemePartyDay",
                table: "vol_activity");
        }
    }
}
