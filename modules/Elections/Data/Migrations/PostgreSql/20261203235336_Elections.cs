using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Elections.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Elections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elec_election",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEndBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Entitled = table.Column<int>(type: "integer", nullable: true),
                    Present = table.Column<int>(type: "integer", nullable: true),
                    MeetingKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MeetingId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MeetingTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: true),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elec_election", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "elec_term_adjustment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    EndBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    NewEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Approval = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elec_term_adjustment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "elec_candidate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ElectionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    VotesFor = table.Column<int>(type: "integer", nullable: true),
                    Elected = table.Column<bool>(type: "boolean", nullable: false),
                    Post = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elec_candidate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_elec_candidate_elec_election_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "elec_election",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elec_step",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ElectionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elec_step", x => x.Id);
                    table.ForeignKey(
                        name: "FK_elec_step_elec_election_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "elec_election",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_elec_candidate_AgencyId",
                table: "elec_candidate",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_elec_candidate_ElectionId_MemberId",
                table: "elec_candidate",
                columns: new[] { "ElectionId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_elec_election_AgencyId",
                table: "elec_election",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_elec_election_AgencyId_OrganizationId_Status",
                table: "elec_election",
                columns: new[] { "AgencyId", "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_elec_election_AgencyId_Status_PlannedOn",
                table: "elec_election",
                columns: new[] { "AgencyId", "Status", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_elec_step_AgencyId",
                table: "elec_step",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_elec_step_ElectionId_Id",
                table: "elec_step",
                columns: new[] { "ElectionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_elec_term_adjustment_AgencyId",
                table: "elec_term_adjustment",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_elec_term_adjustment_AgencyId_OrganizationId",
                table: "elec_term_adjustment",
                columns: new[] { "AgencyId", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elec_candidate");

            migrationBuilder.DropTable(
                name: "elec_step");

            migrationBuilder.DropTable(
                name: "elec_term_adjustment");

            migrationBuilder.DropTable(
                name: "elec_election");
        }
    }
}
