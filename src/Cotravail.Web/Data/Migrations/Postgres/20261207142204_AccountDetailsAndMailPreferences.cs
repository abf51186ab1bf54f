using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountDetailsAndMailPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Commune",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredCulture",
                table: "AspNetUsers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WantsDigest",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WantsNews",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WantsReminders",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // The digest's choice moves from the profile to the account (one source of truth, ADR 0047).
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "WantsDigest" = TRUE WHERE "Id" IN (SELECT "OwnerUserId" FROM "NetworkProfiles" WHERE "WantsDigest" = TRUE)""");

            migrationBuilder.DropColumn(
                name: "WantsDigest",
                table: "NetworkProfiles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WantsDigest",
                table: "NetworkProfiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE "NetworkProfiles" SET "WantsDigest" = TRUE WHERE "OwnerUserId" IN (SELECT "Id" FROM "AspNetUsers" WHERE "WantsDigest" = TRUE)""");

            migrationBuilder.DropColumn(
                name: "Commune",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PreferredCulture",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WantsDigest",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WantsNews",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WantsReminders",
                table: "AspNetUsers");
        }
    }
}
