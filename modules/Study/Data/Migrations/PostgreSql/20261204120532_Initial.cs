using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Study.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_plan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_question",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_question", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_test",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Selection = table.Column<int>(type: "integer", nullable: false),
                    DrawCategory = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DrawCount = table.Column<int>(type: "integer", nullable: true),
                    Opens = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Closes = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    ClosedBook = table.Column<bool>(type: "boolean", nullable: false),
                    IntegrityKnowledge = table.Column<bool>(type: "boolean", nullable: false),
                    WholeAgency = table.Column<bool>(type: "boolean", nullable: false),
                    OrganizationIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MemberIds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_test", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_plan_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Speaker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Materials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_plan_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_plan_item_stu_plan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "stu_plan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stu_session",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    PlanItemId = table.Column<int>(type: "integer", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Speaker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LinkedKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LinkedId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LinkedTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LinkedExpected = table.Column<int>(type: "integer", nullable: true),
                    LinkedPresent = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_session", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_session_stu_plan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "stu_plan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stu_attempt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AutoSubmitted = table.Column<bool>(type: "boolean", nullable: false),
                    Correct = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    LeftPage = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_attempt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_attempt_stu_test_TestId",
                        column: x => x.TestId,
                        principalTable: "stu_test",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stu_test_question",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_test_question", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_test_question_stu_test_TestId",
                        column: x => x.TestId,
                        principalTable: "stu_test",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stu_session_attendee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_session_attendee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_session_attendee_stu_session_SessionId",
                        column: x => x.SessionId,
                        principalTable: "stu_session",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stu_answer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    AttemptId = table.Column<int>(type: "integer", nullable: false),
                    TestQuestionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Correct = table.Column<bool>(type: "boolean", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_answer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stu_answer_stu_attempt_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "stu_attempt",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_stu_answer_stu_test_question_TestQuestionId",
                        column: x => x.TestQuestionId,
                        principalTable: "stu_test_question",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_answer_AgencyId",
                table: "stu_answer",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_answer_AttemptId_TestQuestionId",
                table: "stu_answer",
                columns: new[] { "AttemptId", "TestQuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_answer_TestQuestionId",
                table: "stu_answer",
                column: "TestQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_attempt_AgencyId",
                table: "stu_attempt",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_attempt_SubmittedAt_DueAt",
                table: "stu_attempt",
                columns: new[] { "SubmittedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_attempt_TestId_MemberId",
                table: "stu_attempt",
                columns: new[] { "TestId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_plan_AgencyId",
                table: "stu_plan",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_plan_AgencyId_Year_Owner_OrganizationId",
                table: "stu_plan",
                columns: new[] { "AgencyId", "Year", "Owner", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_plan_item_AgencyId",
                table: "stu_plan_item",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_plan_item_PlanId",
                table: "stu_plan_item",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_question_AgencyId",
                table: "stu_question",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_question_Category",
                table: "stu_question",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_AgencyId",
                table: "stu_session",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_Date",
                table: "stu_session",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_PlanId",
                table: "stu_session",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_attendee_AgencyId",
                table: "stu_session_attendee",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_attendee_MemberId",
                table: "stu_session_attendee",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_session_attendee_SessionId_MemberId",
                table: "stu_session_attendee",
                columns: new[] { "SessionId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_test_AgencyId",
                table: "stu_test",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_test_Closes",
                table: "stu_test",
                column: "Closes");

            migrationBuilder.CreateIndex(
                name: "IX_stu_test_question_AgencyId",
                table: "stu_test_question",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_test_question_TestId_Position",
                table: "stu_test_question",
                columns: new[] { "TestId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_answer");

            migrationBuilder.DropTable(
                name: "stu_plan_item");

            migrationBuilder.DropTable(
                name: "stu_question");

            migrationBuilder.DropTable(
                name: "stu_session_attendee");

            migrationBuilder.DropTable(
                name: "stu_attempt");

            migrationBuilder.DropTable(
                name: "stu_test_question");

            migrationBuilder.DropTable(
                name: "stu_session");

            migrationBuilder.DropTable(
                name: "stu_test");

            migrationBuilder.DropTable(
                name: "stu_plan");
        }
    }
}
