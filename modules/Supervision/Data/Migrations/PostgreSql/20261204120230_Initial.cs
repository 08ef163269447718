using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Supervision.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sup_ledger",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_ledger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_prompt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_prompt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_task",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    EvidenceWanted = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProofKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProofType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProofCount = table.Column<int>(type: "integer", nullable: false),
                    ProofFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_task", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_ledger_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    LedgerId = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_ledger_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sup_ledger_item_sup_ledger_LedgerId",
                        column: x => x.LedgerId,
                        principalTable: "sup_ledger",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sup_prompt_target",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    PromptId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredByMemberId = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_prompt_target", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sup_prompt_target_sup_prompt_PromptId",
                        column: x => x.PromptId,
                        principalTable: "sup_prompt",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sup_task_step",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PromptId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_task_step", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sup_task_step_sup_task_TaskId",
                        column: x => x.TaskId,
                        principalTable: "sup_task",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sup_ledger_AgencyId",
                table: "sup_ledger",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_ledger_item_AgencyId",
                table: "sup_ledger_item",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_ledger_item_LedgerId_Status",
                table: "sup_ledger_item",
                columns: new[] { "LedgerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_ledger_item_OwnerMemberId",
                table: "sup_ledger_item",
                column: "OwnerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_ledger_item_Status_Deadline",
                table: "sup_ledger_item",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_prompt_AgencyId",
                table: "sup_prompt",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_prompt_Year_Month",
                table: "sup_prompt",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_prompt_target_AgencyId",
                table: "sup_prompt_target",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_prompt_target_OrganizationId",
                table: "sup_prompt_target",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_prompt_target_PromptId_OrganizationId",
                table: "sup_prompt_target",
                columns: new[] { "PromptId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_AgencyId",
                table: "sup_task",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_Deadline",
                table: "sup_task",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_OwnerMemberId",
                table: "sup_task",
                column: "OwnerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_OwnerOrganizationId",
                table: "sup_task",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_Year_Status",
                table: "sup_task",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_step_AgencyId",
                table: "sup_task_step",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_task_step_TaskId_Date",
                table: "sup_task_step",
                columns: new[] { "TaskId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_ledger_item");

            migrationBuilder.DropTable(
                name: "sup_prompt_target");

            migrationBuilder.DropTable(
                name: "sup_task_step");

            migrationBuilder.DropTable(
                name: "sup_ledger");

            migrationBuilder.DropTable(
                name: "sup_prompt");

            migrationBuilder.DropTable(
                name: "sup_task");
        }
    }
}
