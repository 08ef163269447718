using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Dues.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Dues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dues_base",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Base = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Rate = table.Column<decimal>(type: "numeric(6,5)", precision: 6, scale: 5, nullable: false),
                    Monthly = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    GoodReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_base", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_collector",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_collector", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_hardship",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FromMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ReducedAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BranchAgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_hardship", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_payment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthCount = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProxyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReceiptNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromStatement = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedByMemberId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_payment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_publication",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_publication", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_use",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_use", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_paid_month",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    PaymentId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_paid_month", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dues_paid_month_dues_payment_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "dues_payment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dues_base_AgencyId",
                table: "dues_base",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_base_AgencyId_MemberId_Year",
                table: "dues_base",
                columns: new[] { "AgencyId", "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_base_AgencyId_Year",
                table: "dues_base",
                columns: new[] { "AgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_collector_AgencyId",
                table: "dues_collector",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_collector_AgencyId_MemberId",
                table: "dues_collector",
                columns: new[] { "AgencyId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_collector_AgencyId_OrganizationId_MemberId",
                table: "dues_collector",
                columns: new[] { "AgencyId", "OrganizationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_hardship_AgencyId",
                table: "dues_hardship",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_hardship_AgencyId_MemberId_Year",
                table: "dues_hardship",
                columns: new[] { "AgencyId", "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_paid_month_AgencyId",
                table: "dues_paid_month",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_paid_month_AgencyId_MemberId_Month",
                table: "dues_paid_month",
                columns: new[] { "AgencyId", "MemberId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_paid_month_AgencyId_Month_OrganizationId",
                table: "dues_paid_month",
                columns: new[] { "AgencyId", "Month", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_paid_month_PaymentId",
                table: "dues_paid_month",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_payment_AgencyId",
                table: "dues_payment",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_payment_AgencyId_MemberId_PaidOn",
                table: "dues_payment",
                columns: new[] { "AgencyId", "MemberId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_payment_AgencyId_OrganizationId_PaidOn",
                table: "dues_payment",
                columns: new[] { "AgencyId", "OrganizationId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_publication_AgencyId",
                table: "dues_publication",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_publication_AgencyId_Year",
                table: "dues_publication",
                columns: new[] { "AgencyId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_use_AgencyId",
                table: "dues_use",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_dues_use_AgencyId_Date",
                table: "dues_use",
                columns: new[] { "AgencyId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_base");

            migrationBuilder.DropTable(
                name: "dues_collector");

            migrationBuilder.DropTable(
                name: "dues_hardship");

            migrationBuilder.DropTable(
                name: "dues_paid_month");

            migrationBuilder.DropTable(
                name: "dues_publication");

            migrationBuilder.DropTable(
                name: "dues_use");

            migrationBuilder.DropTable(
                name: "dues_payment");
        }
    }
}
