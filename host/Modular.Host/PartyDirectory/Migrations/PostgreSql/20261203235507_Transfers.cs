using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromAgencyId = table.Column<int>(type: "integer", nullable: true),
                    FromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    FromOrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FromMemberId = table.Column<int>(type: "integer", nullable: true),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    ToAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ToAgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ToOrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToMemberId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LetterNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DuesPaidThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PostsHistory = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
