using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditNotesUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_CreditedInvoiceId",
                table: "Invoices");

            migrationBuilder.AddColumn<string>(
                name: "CreditReason",
                table: "Invoices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreditedLineId",
                table: "InvoiceLine",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawnByInvoiceId",
                table: "Entitlements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawnDays",
                table: "Entitlements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_CreditedInvoiceId",
                table: "Invoices",
                column: "CreditedInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLine_CreditedLineId",
                table: "InvoiceLine",
                column: "CreditedLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_WithdrawnByInvoiceId",
                table: "Entitlements",
                column: "WithdrawnByInvoiceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Entitlements_Invoices_WithdrawnByInvoiceId",
                table: "Entitlements",
                column: "WithdrawnByInvoiceId",
                principalTable: "Invoices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_InvoiceLine_InvoiceLine_CreditedLineId",
                table: "InvoiceLine",
                column: "CreditedLineId",
                principalTable: "InvoiceLine",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Entitlements_Invoices_WithdrawnByInvoiceId",
                table: "Entitlements");

            migrationBuilder.DropForeignKey(
                name: "FK_InvoiceLine_InvoiceLine_CreditedLineId",
                table: "InvoiceLine");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_CreditedInvoiceId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLine_CreditedLineId",
                table: "InvoiceLine");

            migrationBuilder.DropIndex(
                name: "IX_Entitlements_WithdrawnByInvoiceId",
                table: "Entitlements");

            migrationBuilder.DropColumn(
                name: "CreditReason",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "CreditedLineId",
                table: "InvoiceLine");

            migrationBuilder.DropColumn(
                name: "WithdrawnByInvoiceId",
                table: "Entitlements");

            migrationBuilder.DropColumn(
                name: "WithdrawnDays",
                table: "Entitlements");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_CreditedInvoiceId",
                table: "Invoices",
                column: "CreditedInvoiceId",
                unique: true);
        }
    }
}
