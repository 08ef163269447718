using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Dues.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DuesMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CarriedFrom",
                table: "dues_payment",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Carried",
                table: "dues_paid_month",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "dues_move",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TransferId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    OtherAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    MonthsCarried = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_move", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dues_move_AgencyId",
                table: "dues_move",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_move_AgencyId_MemberId",
                table: "dues_move",
                columns: new[] { "AgencyId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_move");

            migrationBuilder.DropColumn(
                name: "CarriedFrom",
                table: "dues_payment");

            migrationBuilder.DropColumn(
                name: "Carried",
                table: "dues_paid_month");
        }
    }
}
