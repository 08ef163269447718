using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CommitteeReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RepliedAt",
                table: "CommitteeTaskCopies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reply",
                table: "CommitteeTaskCopies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RepliedAt",
                table: "CommitteeTaskCopies");

            migrationBuilder.DropColumn(
                name: "Reply",
                table: "CommitteeTaskCopies");
        }
    }
}
