using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TillReceiptsAndOneCashUpPerDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CashUps_SiteId_Date",
                table: "CashUps");

            migrationBuilder.AddColumn<int>(
                name: "ReceiptId",
                table: "Payments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectsCashUpId",
                table: "CashUps",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PayerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PayerCompanyId = table.Column<int>(type: "integer", nullable: true),
                    PayerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    TotalCents = table.Column<int>(type: "integer", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EmailedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.Id);
                    table.CheckConstraint("CK_Receipts_Total", "\"TotalCents\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "ReceiptSequences",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptSequences", x => new { x.NetworkId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReceiptId",
                table: "Payments",
                column: "ReceiptId");

            migrationBuilder.CreateIndex(
                name: "IX_CashUps_CorrectsCashUpId",
                table: "CashUps",
                column: "CorrectsCashUpId");

            // A site could close its till twice a day: the later ones become corrections of the day's first, so the day has one cash-up.
            migrationBuilder.Sql(
                "UPDATE \"CashUps\" SET \"CorrectsCashUpId\" = (SELECT MIN(o.\"Id\") FROM \"CashUps\" o WHERE o.\"SiteId\" = \"CashUps\".\"SiteId\" AND o.\"Date\" = \"CashUps\".\"Date\") " +
                "WHERE \"Id\" > (SELECT MIN(o.\"Id\") FROM \"CashUps\" o WHERE o.\"SiteId\" = \"CashUps\".\"SiteId\" AND o.\"Date\" = \"CashUps\".\"Date\")");

            migrationBuilder.CreateIndex(
                name: "IX_CashUps_SiteId_Date",
                table: "CashUps",
                columns: new[] { "SiteId", "Date" },
                unique: true,
                filter: "\"CorrectsCashUpId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_NetworkId_Year_Sequence",
                table: "Receipts",
                columns: new[] { "NetworkId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_SiteId",
                table: "Receipts",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_CashUps_CashUps_CorrectsCashUpId",
                table: "CashUps",
                column: "CorrectsCashUpId",
                principalTable: "CashUps",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_Receipts_ReceiptId",
                table: "Payments",
                column: "ReceiptId",
                principalTable: "Receipts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CashUps_CashUps_CorrectsCashUpId",
                table: "CashUps");

            migrationBuilder.DropForeignKey(
                name: "FK_Payments_Receipts_ReceiptId",
                table: "Payments");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropTable(
                name: "ReceiptSequences");

            migrationBuilder.DropIndex(
                name: "IX_Payments_ReceiptId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_CashUps_CorrectsCashUpId",
                table: "CashUps");

            migrationBuilder.DropIndex(
                name: "IX_CashUps_SiteId_Date",
                table: "CashUps");

            migrationBuilder.DropColumn(
                name: "ReceiptId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "CorrectsCashUpId",
                table: "CashUps");

            migrationBuilder.CreateIndex(
                name: "IX_CashUps_SiteId_Date",
                table: "CashUps",
                columns: new[] { "SiteId", "Date" });
        }
    }
}
