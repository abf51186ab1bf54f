using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitsByVisitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitorId_ArrivedAtUtc",
                table: "Visits",
                columns: new[] { "VisitorId", "ArrivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_VisitorId_ArrivedAtUtc",
                table: "Visits");
        }
    }
}
