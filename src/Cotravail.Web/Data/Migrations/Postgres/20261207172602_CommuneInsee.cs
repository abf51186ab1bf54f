using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommuneInsee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ObservatoryOrigins",
                table: "ObservatoryOrigins");

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "Visits",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "Visitors",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Insee",
                table: "ObservatoryOrigins",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "AspNetUsers",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ObservatoryOrigins",
                table: "ObservatoryOrigins",
                columns: new[] { "SiteId", "Month", "Postcode", "Insee" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ObservatoryOrigins",
                table: "ObservatoryOrigins");

            migrationBuilder.DropColumn(
                name: "CommuneInsee",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "CommuneInsee",
                table: "Visitors");

            migrationBuilder.DropColumn(
                name: "Insee",
                table: "ObservatoryOrigins");

            migrationBuilder.DropColumn(
                name: "CommuneInsee",
                table: "AspNetUsers");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ObservatoryOrigins",
                table: "ObservatoryOrigins",
                columns: new[] { "SiteId", "Month", "Postcode" });
        }
    }
}
