using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dir_member",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IdNumberProtected = table.Column<string>(type: "TEXT", nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    PhoneProtected = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Education = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    JoinedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FullMemberDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsLeadingCadre = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dir_organization",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsWindowBranch = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dir_post",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Post = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_post", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dir_member_AgencyId",
                table: "dir_member",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dir_member_AgencyId_Name",
                table: "dir_member",
                columns: new[] { "AgencyId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_member_AgencyId_OrganizationId_Status_Name",
                table: "dir_member",
                columns: new[] { "AgencyId", "OrganizationId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_member_AgencyId_UserId",
                table: "dir_member",
                columns: new[] { "AgencyId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_organization_AgencyId",
                table: "dir_organization",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dir_organization_AgencyId_ParentId",
                table: "dir_organization",
                columns: new[] { "AgencyId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_organization_AgencyId_Path",
                table: "dir_organization",
                columns: new[] { "AgencyId", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_post_AgencyId",
                table: "dir_post",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dir_post_AgencyId_MemberId",
                table: "dir_post",
                columns: new[] { "AgencyId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_dir_post_AgencyId_OrganizationId",
                table: "dir_post",
                columns: new[] { "AgencyId", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dir_member");

            migrationBuilder.DropTable(
                name: "dir_organization");

            migrationBuilder.DropTable(
                name: "dir_post");
        }
    }
}
