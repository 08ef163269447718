using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Modular.Modules.Volunteer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vol_notice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_notice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_partner",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PairedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_partner", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_activity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganizerMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlacesStamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_activity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_activity_vol_partner_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "vol_partner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "vol_partner_contact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_partner_contact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_partner_contact_vol_partner_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "vol_partner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vol_partner_log",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AuthorMemberId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_partner_log", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_partner_log_vol_partner_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "vol_partner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vol_signup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByOrganizer = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    HoursAdjustReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_signup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_signup_vol_activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "vol_activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vol_activity_AgencyId",
                table: "vol_activity",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_activity_OrganizerMemberId",
                table: "vol_activity",
                column: "OrganizerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_activity_PartnerId",
                table: "vol_activity",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_activity_Status_StartsAt",
                table: "vol_activity",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_notice_AgencyId",
                table: "vol_notice",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_notice_MemberId_ReadAt",
                table: "vol_notice",
                columns: new[] { "MemberId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_partner_AgencyId",
                table: "vol_partner",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_partner_contact_AgencyId",
                table: "vol_partner_contact",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_partner_contact_PartnerId",
                table: "vol_partner_contact",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_partner_log_AgencyId",
                table: "vol_partner_log",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_partner_log_PartnerId_Date",
                table: "vol_partner_log",
                columns: new[] { "PartnerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_signup_ActivityId_MemberId",
                table: "vol_signup",
                columns: new[] { "ActivityId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_signup_AgencyId",
                table: "vol_signup",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_signup_MemberId_Status",
                table: "vol_signup",
                columns: new[] { "MemberId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vol_notice");

            migrationBuilder.DropTable(
                name: "vol_partner_contact");

            migrationBuilder.DropTable(
                name: "vol_partner_log");

            migrationBuilder.DropTable(
                name: "vol_signup");

            migrationBuilder.DropTable(
                name: "vol_activity");

            migrationBuilder.DropTable(
                name: "vol_partner");
        }
    }
}
