using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEntriesCarryTheirSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SiteId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "SiteId", "AtUtc" });

            foreach (var statement in Cotravail.Web.Features.Audit.AuditSiteBackfill.Statements(postgres: false))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_SiteId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AuditEntries");
        }
    }
}
