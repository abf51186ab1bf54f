using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NetworkId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_NetworkId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "NetworkId", "AtUtc" });

            foreach (var statement in Cotravail.Web.Features.Audit.AuditNetworkBackfill.Statements(postgres: true))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_NetworkId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "NetworkId",
                table: "AuditEntries");
        }
    }
}
