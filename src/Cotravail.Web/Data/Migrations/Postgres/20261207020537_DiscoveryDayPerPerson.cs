using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DiscoveryDayPerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "DiscoveryDays",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            // Existing discovery days get the key of their member's address (the first of a person's keeps it).
            foreach (var sql in Cotravail.Web.Features.Billing.Entitlements.DiscoveryKey.BackfillSql(pg: true))
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryDays_EmailKey",
                table: "DiscoveryDays",
                column: "EmailKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DiscoveryDays_EmailKey",
                table: "DiscoveryDays");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "DiscoveryDays");
        }
    }
}
