using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberStageSituation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Status",
                table: "dir_member",
                newName: "Stage");

            migrationBuilder.RenameIndex(
                name: "IX_dir_member_AgencyId_OrganizationId_Status_Name",
                table: "dir_member",
                newName: "IX_dir_member_AgencyId_OrganizationId_Stage_Name");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActivistDate",
                table: "dir_member",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ApplicationDate",
                table: "dir_member",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CandidateDate",
                table: "dir_member",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Situation",
                table: "dir_member",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SituationSince",
                table: "dir_member",
                type: "TEXT",
                nullable: true);

            // The old status (0–4 stages, 5 transferred out, 6 mobile, 7 lost contact, 8 deceased), now in Stage, becomes a
            // stage and a situation by the rule of LegacyMemberStatus: 5–8 are full members in that situation unless
            // joined less than two years ago without a date of full membership (then probationary).
            migrationBuilder.Sql("""
                UPDATE "dir_member" SET
                    "Situation" = CASE "Stage" WHEN 5 THEN 4 WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 7 END,
                    "Stage" = CASE WHEN "FullMemberDate" IS NULL AND "JoinedDate" IS NOT NULL AND "JoinedDate" > date('now', '-2 years') THEN 3 ELSE 4 END
                WHERE "Stage" >= 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the one status as SDK 1.3 read it: abroad as mobile; suspended and left as transferred out.
            migrationBuilder.Sql("""
                UPDATE "dir_member" SET "Stage" = CASE "Situation" WHEN 1 THEN 6 WHEN 3 THEN 6 WHEN 2 THEN 7 WHEN 7 THEN 8 ELSE 5 END
                WHERE "Situation" <> 0;
                """);

            migrationBuilder.DropColumn(
                name: "ActivistDate",
                table: "dir_member");

            migrationBuilder.DropColumn(
                name: "ApplicationDate",
                table: "dir_member");

            migrationBuilder.DropColumn(
                name: "CandidateDate",
                table: "dir_member");

            migrationBuilder.DropColumn(
                name: "Situation",
                table: "dir_member");

            migrationBuilder.DropColumn(
                name: "SituationSince",
                table: "dir_member");

            migrationBuilder.RenameColumn(
                name: "Stage",
                table: "dir_member",
                newName: "Status");

            migrationBuilder.RenameIndex(
                name: "IX_dir_member_AgencyId_OrganizationId_Stage_Name",
                table: "dir_member",
                newName: "IX_dir_member_AgencyId_OrganizationId_Status_Name");
        }
    }
}
