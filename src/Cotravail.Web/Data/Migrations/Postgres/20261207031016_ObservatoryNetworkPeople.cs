using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ObservatoryNetworkPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObservatoryNetworkPeople",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AccountCreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Refs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservatoryNetworkPeople", x => new { x.NetworkId, x.UserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ObservatoryNetworkPeople_NetworkId_AccountCreatedUtc",
                table: "ObservatoryNetworkPeople",
                columns: new[] { "NetworkId", "AccountCreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservatoryNetworkPeople");
        }
    }
}
