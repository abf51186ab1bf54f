using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommuneInsee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The visit triggers write to ObservatoryOrigins, which SQLite rebuilds for its new key: they go first, and the
            // start puts them back with every counter rebuilt (ADR 0051, triggers of version 4).
            foreach (var trigger in new[] { "TR_Visits_Obs_Insert", "TR_Visits_Obs_Delete", "TR_Visits_Obs_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropPrimaryKey(
                name: "PK_ObservatoryOrigins",
                table: "ObservatoryOrigins");

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "Visits",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "Visitors",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Insee",
                table: "ObservatoryOrigins",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommuneInsee",
                table: "AspNetUsers",
                type: "TEXT",
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
