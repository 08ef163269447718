using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixture.BadMigration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bad_thing",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bad_thing", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bad_thing_AgencyId",
                table: "bad_thing",
                column: "AgencyId");
            // Deliberately broken: the host must refuse this plugin and keep running.
            migrationBuilder.Sql("INSERT INTO table_that_does_not_exist VALUES (1);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bad_thing");
        }
    }
}
