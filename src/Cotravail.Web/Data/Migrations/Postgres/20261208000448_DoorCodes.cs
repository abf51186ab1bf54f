using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    LockReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextTryUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Lock = table.Column<int>(type: "integer", nullable: false),
                    LockUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NukiSmartlockId = table.Column<long>(type: "bigint", nullable: true),
                    LockSecretProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CodeKeyProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
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
