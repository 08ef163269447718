using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dir_transfer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromOrganizationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ToAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToAgencyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToOrganizationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DuesPaidThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PostsHistory = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_transfer", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dir_transfer_FromAgencyId_FromMemberId",
                table: "dir_transfer",
                columns: new[] { "FromAgencyId", "FromMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_transfer_FromAgencyId_State",
                table: "dir_transfer",
                columns: new[] { "FromAgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_transfer_ToAgencyId_State",
                table: "dir_transfer",
                columns: new[] { "ToAgencyId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dir_transfer");
        }
    }
}
