using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservatoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_Attended_Status",
                table: "EventRegistrations",
                columns: new[] { "Attended", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskDays_Date",
                table: "DeskDays",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CreatedAtUtc",
                table: "AspNetUsers",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_EmailConfirmed",
                table: "AspNetUsers",
                column: "EmailConfirmed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventRegistrations_Attended_Status",
                table: "EventRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_DeskDays_Date",
                table: "DeskDays");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CreatedAtUtc",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_EmailConfirmed",
                table: "AspNetUsers");
        }
    }
}
