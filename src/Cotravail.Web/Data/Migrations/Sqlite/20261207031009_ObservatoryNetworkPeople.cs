using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
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
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AccountCreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Refs = table.Column<int>(type: "INTEGER", nullable: false)
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
