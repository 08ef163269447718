using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Development.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dev_case",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LastStep = table.Column<int>(type: "INTEGER", nullable: false),
                    LastStepDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueStep = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueLimit = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dev_case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dev_plan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Planned = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dev_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dev_helper",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dev_helper", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dev_helper_dev_case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "dev_case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dev_step",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActorMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TrainingDays = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    TrainingHours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    VoteEntitled = table.Column<int>(type: "INTEGER", nullable: true),
                    VotePresent = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteAbstain = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MeetingTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dev_step", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dev_step_dev_case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "dev_case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dev_case_AgencyId",
                table: "dev_case",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dev_case_AgencyId_MemberId",
                table: "dev_case",
                columns: new[] { "AgencyId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dev_case_AgencyId_OrganizationId_Stage",
                table: "dev_case",
                columns: new[] { "AgencyId", "OrganizationId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_dev_case_AgencyId_Status_DueDate",
                table: "dev_case",
                columns: new[] { "AgencyId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_dev_helper_AgencyId",
                table: "dev_helper",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dev_helper_AgencyId_MemberId",
                table: "dev_helper",
                columns: new[] { "AgencyId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_dev_helper_CaseId_MemberId_Role",
                table: "dev_helper",
                columns: new[] { "CaseId", "MemberId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dev_plan_AgencyId",
                table: "dev_plan",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dev_plan_AgencyId_Year_OrganizationId",
                table: "dev_plan",
                columns: new[] { "AgencyId", "Year", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dev_step_AgencyId",
                table: "dev_step",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dev_step_AgencyId_Step_Date",
                table: "dev_step",
                columns: new[] { "AgencyId", "Step", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_dev_step_CaseId_Id",
                table: "dev_step",
                columns: new[] { "CaseId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dev_helper");

            migrationBuilder.DropTable(
                name: "dev_plan");

            migrationBuilder.DropTable(
                name: "dev_step");

            migrationBuilder.DropTable(
                name: "dev_case");
        }
    }
}
