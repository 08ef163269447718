using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IdNumberProtected = table.Column<string>(type: "text", nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    PhoneProtected = table.Column<string>(type: "text", nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Education = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    JoinedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FullMemberDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    IsLeadingCadre = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dir_organization",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsWindowBranch = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: true),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dir_organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dir_post",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Post = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
