using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Integrity.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "int_festival",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Festival = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_festival", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_festival_sent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Festival = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_festival_sent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_inspection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    TargetKind = table.Column<int>(type: "integer", nullable: false),
                    TargetOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Target = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_inspection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_review_round",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_review_round", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_risk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Post = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: false),
                    NextReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_risk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_talk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TalkerMemberId = table.Column<int>(type: "integer", nullable: false),
                    TalkeeMemberId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_talk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_warning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_warning", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_rectification",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_rectification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_int_rectification_int_inspection_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "int_inspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "int_review",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_review", x => x.Id);
                    table.ForeignKey(
                        name: "FK_int_review_int_review_round_RoundId",
                        column: x => x.RoundId,
                        principalTable: "int_review_round",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_int_review_int_risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "int_risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "int_warning_attendee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    Reflection = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_warning_attendee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_int_warning_attendee_int_warning_SessionId",
                        column: x => x.SessionId,
                        principalTable: "int_warning",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_int_festival_AgencyId",
                table: "int_festival",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_festival_AgencyId_Year_Festival",
                table: "int_festival",
                columns: new[] { "AgencyId", "Year", "Festival" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_int_festival_sent_AgencyId",
                table: "int_festival_sent",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_festival_sent_AgencyId_Year_Festival",
                table: "int_festival_sent",
                columns: new[] { "AgencyId", "Year", "Festival" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_int_inspection_AgencyId",
                table: "int_inspection",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_inspection_Date",
                table: "int_inspection",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_int_rectification_AgencyId",
                table: "int_rectification",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_rectification_InspectionId",
                table: "int_rectification",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_int_rectification_OwnerMemberId_Status",
                table: "int_rectification",
                columns: new[] { "OwnerMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_int_review_AgencyId",
                table: "int_review",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_review_OwnerMemberId_Outcome",
                table: "int_review",
                columns: new[] { "OwnerMemberId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_int_review_RiskId",
                table: "int_review",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_int_review_RoundId_RiskId",
                table: "int_review",
                columns: new[] { "RoundId", "RiskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_int_review_round_AgencyId",
                table: "int_review_round",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_review_round_AgencyId_Year",
                table: "int_review_round",
                columns: new[] { "AgencyId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_int_risk_AgencyId",
                table: "int_risk",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_risk_NextReviewDate",
                table: "int_risk",
                column: "NextReviewDate");

            migrationBuilder.CreateIndex(
                name: "IX_int_risk_OwnerMemberId",
                table: "int_risk",
                column: "OwnerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_int_talk_AgencyId",
                table: "int_talk",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_talk_Date",
                table: "int_talk",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_int_warning_AgencyId",
                table: "int_warning",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_warning_Date",
                table: "int_warning",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_int_warning_attendee_AgencyId",
                table: "int_warning_attendee",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_int_warning_attendee_MemberId",
                table: "int_warning_attendee",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_int_warning_attendee_SessionId_MemberId",
                table: "int_warning_attendee",
                columns: new[] { "SessionId", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_festival");

            migrationBuilder.DropTable(
                name: "int_festival_sent");

            migrationBuilder.DropTable(
                name: "int_rectification");

            migrationBuilder.DropTable(
                name: "int_review");

            migrationBuilder.DropTable(
                name: "int_talk");

            migrationBuilder.DropTable(
                name: "int_warning_attendee");

            migrationBuilder.DropTable(
                name: "int_inspection");

            migrationBuilder.DropTable(
                name: "int_review_round");

            migrationBuilder.DropTable(
                name: "int_risk");

            migrationBuilder.DropTable(
                name: "int_warning");
        }
    }
}
