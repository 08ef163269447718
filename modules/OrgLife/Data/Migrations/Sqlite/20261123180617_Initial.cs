using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.OrgLife.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orglife_appraisal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_appraisal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orglife_branch_schedule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemePartyDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_branch_schedule", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orglife_meeting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HostMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_meeting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orglife_talk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitiatorMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_talk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orglife_appraisal_entry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppraisalId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsProbationary = table.Column<bool>(type: "INTEGER", nullable: false),
                    SelfAppraisal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VotesExcellent = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesQualified = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesBasicallyQualified = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesUnqualified = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_appraisal_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orglife_appraisal_entry_orglife_appraisal_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "orglife_appraisal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orglife_attendee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaveReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CanVote = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCommitteeMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLeadingCadre = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_attendee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orglife_attendee_orglife_meeting_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "orglife_meeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orglife_decision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    Abstentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orglife_decision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orglife_decision_orglife_meeting_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "orglife_meeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orglife_appraisal_AgencyId",
                table: "orglife_appraisal",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_appraisal_AgencyId_BranchId_Year",
                table: "orglife_appraisal",
                columns: new[] { "AgencyId", "BranchId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orglife_appraisal_entry_AgencyId",
                table: "orglife_appraisal_entry",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_appraisal_entry_AppraisalId_MemberId",
                table: "orglife_appraisal_entry",
                columns: new[] { "AppraisalId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orglife_attendee_AgencyId",
                table: "orglife_attendee",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_attendee_MeetingId_MemberId",
                table: "orglife_attendee",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orglife_attendee_MemberId",
                table: "orglife_attendee",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_branch_schedule_AgencyId",
                table: "orglife_branch_schedule",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_branch_schedule_AgencyId_BranchId",
                table: "orglife_branch_schedule",
                columns: new[] { "AgencyId", "BranchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orglife_decision_AgencyId",
                table: "orglife_decision",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_decision_MeetingId",
                table: "orglife_decision",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_meeting_AgencyId",
                table: "orglife_meeting",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_meeting_AgencyId_BranchId_Date",
                table: "orglife_meeting",
                columns: new[] { "AgencyId", "BranchId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_orglife_talk_AgencyId",
                table: "orglife_talk",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_orglife_talk_AgencyId_BranchId_Date",
                table: "orglife_talk",
                columns: new[] { "AgencyId", "BranchId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orglife_appraisal_entry");

            migrationBuilder.DropTable(
                name: "orglife_attendee");

            migrationBuilder.DropTable(
                name: "orglife_branch_schedule");

            migrationBuilder.DropTable(
                name: "orglife_decision");

            migrationBuilder.DropTable(
                name: "orglife_talk");

            migrationBuilder.DropTable(
                name: "orglife_appraisal");

            migrationBuilder.DropTable(
                name: "orglife_meeting");
        }
    }
}
