using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.PartyDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Until",
                table: "dir_post",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_dir_post_AgencyId_OrganizationId_Post_Until",
                table: "dir_post",
                columns: new[] { "AgencyId", "OrganizationId", "Post", "Until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dir_post_AgencyId_OrganizationId_Post_Until",
                table: "dir_post");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "dir_post");
        }
    }
}
