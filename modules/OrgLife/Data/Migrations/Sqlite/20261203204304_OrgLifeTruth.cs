using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.OrgLife.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrgLifeTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "GradingOn",
                table: "orglife_appraisal",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeerAppraisalOn",
                table: "orglife_appraisal",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SelfAppraisalOn",
                table: "orglife_appraisal",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VotingOn",
                table: "orglife_appraisal",
                type: "TEXT",
                nullable: true);

            // The grades became a stage of their own before publication: Published moves from 3 to 4.
            migrationBuilder.Sql("UPDATE orglife_appraisal SET \"Stage\" = 4 WHERE \"Stage\" = 3;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE orglife_appraisal SET \"Stage\" = 2 WHERE \"Stage\" = 3;");
            migrationBuilder.Sql("UPDATE orglife_appraisal SET \"Stage\" = 3 WHERE \"Stage\" = 4;");

            migrationBuilder.DropColumn(
                name: "GradingOn",
                table: "orglife_appraisal");

            migrationBuilder.DropColumn(
                name: "PeerAppraisalOn",
                table: "orglife_appraisal");

            migrationBuilder.DropColumn(
                name: "SelfAppraisalOn",
                table: "orglife_appraisal");

            migrationBuilder.DropColumn(
                name: "VotingOn",
                table: "orglife_appraisal");
        }
    }
}
