using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Transfers.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tr_letter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    DuesPaidThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SlipReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SlipNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplacesLetterId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tr_letter", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tr_mobile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ManagingOrganization = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LostContactSince = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tr_mobile", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tr_contact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    MobileMemberId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Way = table.Column<int>(type: "integer", nullable: false),
                    Reached = table.Column<bool>(type: "boolean", nullable: false),
                    Result = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tr_contact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tr_contact_tr_mobile_MobileMemberId",
                        column: x => x.MobileMemberId,
                        principalTable: "tr_mobile",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tr_contact_AgencyId",
                table: "tr_contact",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_tr_contact_MobileMemberId_Date",
                table: "tr_contact",
                columns: new[] { "MobileMemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_tr_letter_AgencyId",
                table: "tr_letter",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_tr_letter_AgencyId_MemberId",
                table: "tr_letter",
                columns: new[] { "AgencyId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_tr_letter_AgencyId_Status_ValidUntil",
                table: "tr_letter",
                columns: new[] { "AgencyId", "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_tr_letter_AgencyId_Year_Sequence",
                table: "tr_letter",
                columns: new[] { "AgencyId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tr_mobile_AgencyId",
                table: "tr_mobile",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_tr_mobile_AgencyId_EndedOn",
                table: "tr_mobile",
                columns: new[] { "AgencyId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_tr_mobile_AgencyId_MemberId",
                table: "tr_mobile",
                columns: new[] { "AgencyId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tr_contact");

            migrationBuilder.DropTable(
                name: "tr_letter");

            migrationBuilder.DropTable(
                name: "tr_mobile");
        }
    }
}
