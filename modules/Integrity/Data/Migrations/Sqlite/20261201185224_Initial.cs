using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Integrity.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Festival = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_festival", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_festival_sent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Festival = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_festival_sent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_inspection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_inspection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_review_round",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_review_round", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_risk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_risk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_talk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TalkerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    TalkeeMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_talk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_warning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_warning", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "int_rectification",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
