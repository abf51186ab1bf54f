using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Observatory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObservatoryDeskMonths",
                columns: table => new
                {
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HalfDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryDeskMonths", x => new { x.ResourceId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ObservatoryOrigins",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryOrigins", x => new { x.SiteId, x.Month, x.Postcode });
                });

            migrationBuilder.CreateTable(
                name: "ObservatoryRevenue",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryRevenue", x => new { x.NetworkId, x.Month, x.Product });
                });

            migrationBuilder.CreateTable(
                name: "ObservatorySiteMonths",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false),
                    Regulars = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatorySiteMonths", x => new { x.SiteId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ObservatoryState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ObservatoryVisitorMonths",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryVisitorMonths", x => new { x.SiteId, x.Month, x.VisitorId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Date",
                table: "Visits",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_IssueDate",
                table: "Invoices",
                column: "IssueDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservatoryDeskMonths");

            migrationBuilder.DropTable(
                name: "ObservatoryOrigins");

            migrationBuilder.DropTable(
                name: "ObservatoryRevenue");

            migrationBuilder.DropTable(
                name: "ObservatorySiteMonths");

            migrationBuilder.DropTable(
                name: "ObservatoryState");

            migrationBuilder.DropTable(
                name: "ObservatoryVisitorMonths");

            migrationBuilder.DropIndex(
                name: "IX_Visits_Date",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_IssueDate",
                table: "Invoices");
        }
    }
}
