using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DoorCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DoorGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    LockReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextTryUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoorGrants_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteDoorAccess",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Lock = table.Column<int>(type: "INTEGER", nullable: false),
                    LockUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NukiSmartlockId = table.Column<long>(type: "INTEGER", nullable: true),
                    LockSecretProtected = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CodeKeyProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteDoorAccess", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteDoorAccess_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteDoorAccess_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DoorGrants_SiteId_Kind_SourceId_FromUtc",
                table: "DoorGrants",
                columns: new[] { "SiteId", "Kind", "SourceId", "FromUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoorGrants_State_NextTryUtc",
                table: "DoorGrants",
                columns: new[] { "State", "NextTryUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorGrants_UserId",
                table: "DoorGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteDoorAccess_NetworkId",
                table: "SiteDoorAccess",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteDoorAccess_SiteId",
                table: "SiteDoorAccess",
                column: "SiteId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DoorGrants");

            migrationBuilder.DropTable(
                name: "SiteDoorAccess");
        }
    }
}
