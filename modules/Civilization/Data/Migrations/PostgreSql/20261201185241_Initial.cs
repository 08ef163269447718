using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Modular.Modules.Civilization.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "civ_campaign",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TitleLevel = table.Column<int>(type: "integer", nullable: false),
                    TitleName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LeaderMemberId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_campaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "civ_honour",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_honour", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "civ_practice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Participants = table.Column<int>(type: "integer", nullable: true),
                    LinkedKind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LinkedId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LinkedTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LinkedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_practice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "civ_category",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_category", x => x.Id);
                    table.ForeignKey(
                        name: "FK_civ_category_civ_campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "civ_campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "civ_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    OwnerMemberId = table.Column<int>(type: "integer", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AwaitingReview = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewerMemberId = table.Column<int>(type: "integer", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_civ_item_civ_campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "civ_campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_civ_item_civ_category_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "civ_category",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "civ_evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmittedByMemberId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civ_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_civ_evidence_civ_item_ItemId",
                        column: x => x.ItemId,
                        principalTable: "civ_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_civ_campaign_AgencyId",
                table: "civ_campaign",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_campaign_Year_Status",
                table: "civ_campaign",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_civ_category_AgencyId",
                table: "civ_category",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_category_CampaignId_Name",
                table: "civ_category",
                columns: new[] { "CampaignId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_civ_evidence_AgencyId",
                table: "civ_evidence",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_evidence_ItemId_SubmittedAt",
                table: "civ_evidence",
                columns: new[] { "ItemId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_civ_honour_AgencyId",
                table: "civ_honour",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_honour_Year",
                table: "civ_honour",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_civ_item_AgencyId",
                table: "civ_item",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_item_CampaignId_CategoryId_Order",
                table: "civ_item",
                columns: new[] { "CampaignId", "CategoryId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_civ_item_CategoryId",
                table: "civ_item",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_item_OwnerMemberId_Status",
                table: "civ_item",
                columns: new[] { "OwnerMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_civ_practice_AgencyId",
                table: "civ_practice",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_civ_practice_Date_Kind",
                table: "civ_practice",
                columns: new[] { "Date", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "civ_evidence");

            migrationBuilder.DropTable(
                name: "civ_honour");

            migrationBuilder.DropTable(
                name: "civ_practice");

            migrationBuilder.DropTable(
                name: "civ_item");

            migrationBuilder.DropTable(
                name: "civ_category");

            migrationBuilder.DropTable(
                name: "civ_campaign");
        }
    }
}
