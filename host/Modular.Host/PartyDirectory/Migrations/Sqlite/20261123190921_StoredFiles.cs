using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_file",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_file_data",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_file_data", x => x.Id);
                    table.ForeignKey(
                        name: "FK_host_file_data_host_file_Id",
                        column: x => x.Id,
                        principalTable: "host_file",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_file_AgencyId",
                table: "host_file",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_host_file_AgencyId_ModuleId_OwnerKey",
                table: "host_file",
                columns: new[] { "AgencyId", "ModuleId", "OwnerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_host_file_data_AgencyId",
                table: "host_file_data",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_file_data");

            migrationBuilder.DropTable(
                name: "host_file");
        }
    }
}
