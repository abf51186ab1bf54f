using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddProducts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ChargeLateCancellations",
                table: "Sites",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChargeNoShows",
                table: "Sites",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CoveredBookings",
                columns: table => new
                {
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    EntitlementId = table.Column<int>(type: "integer", nullable: true),
                    IsDiscovery = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveredBookings", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_CoveredBookings_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiscoveryDays",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscoveryDays", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MemberCategoryGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    ValidatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ValidatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberCategoryGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PriceCents = table.Column<int>(type: "integer", nullable: false),
                    JobSeekerPriceCents = table.Column<int>(type: "integer", nullable: true),
                    StudentPriceCents = table.Column<int>(type: "integer", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    ValidityMonths = table.Column<int>(type: "integer", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.CheckConstraint("CK_Products_Days", "(\"Days\" IS NULL OR \"Days\" > 0) AND (\"ValidityMonths\" IS NULL OR \"ValidityMonths\" > 0)");
                    table.CheckConstraint("CK_Products_Prices", "\"PriceCents\" >= 0 AND (\"JobSeekerPriceCents\" IS NULL OR \"JobSeekerPriceCents\" >= 0) AND (\"StudentPriceCents\" IS NULL OR \"StudentPriceCents\" >= 0)");
                    table.ForeignKey(
                        name: "FK_Products_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Entitlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    Used = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SoldByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExpiryReminderSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiryReminderClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiryReminderClaimId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entitlements", x => x.Id);
                    table.CheckConstraint("CK_Entitlements_Used", "\"Used\" >= 0 AND (\"Days\" IS NULL OR \"Used\" <= \"Days\")");
                    table.ForeignKey(
                        name: "FK_Entitlements_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Entitlements_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoveredBookings_EntitlementId",
                table: "CoveredBookings",
                column: "EntitlementId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryDays_BookingId",
                table: "DiscoveryDays",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_ExpiryReminderClaimId",
                table: "Entitlements",
                column: "ExpiryReminderClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_InvoiceId",
                table: "Entitlements",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_ProductId",
                table: "Entitlements",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_UserId_ExpiresOn",
                table: "Entitlements",
                columns: new[] { "UserId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberCategoryGrants_NetworkId_UserId_Category",
                table: "MemberCategoryGrants",
                columns: new[] { "NetworkId", "UserId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_SiteId_Kind",
                table: "Products",
                columns: new[] { "SiteId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoveredBookings");

            migrationBuilder.DropTable(
                name: "DiscoveryDays");

            migrationBuilder.DropTable(
                name: "Entitlements");

            migrationBuilder.DropTable(
                name: "MemberCategoryGrants");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropColumn(
                name: "ChargeLateCancellations",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "ChargeNoShows",
                table: "Sites");
        }
    }
}
