using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Network : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BlockerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    BlockedUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkBlocks_AspNetUsers_BlockedUserId",
                        column: x => x.BlockedUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkBlocks_AspNetUsers_BlockerUserId",
                        column: x => x.BlockerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkContactQuotas",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkContactQuotas", x => new { x.UserId, x.Day });
                    table.CheckConstraint("CK_NetworkContactQuotas_Count", "\"Count\" >= 0");
                    table.ForeignKey(
                        name: "FK_NetworkContactQuotas_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkDigestSends",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkDigestSends", x => new { x.UserId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_NetworkDigestSends_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Sector = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Skills = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    SkillsKey = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    Commune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Presentation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Offers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Seeks = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisibleSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WantsDigest = table.Column<bool>(type: "boolean", nullable: false),
                    IsSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    HasPhoto = table.Column<bool>(type: "boolean", nullable: false),
                    PhotoVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkProfiles_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkListings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Sector = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Skills = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    SkillsKey = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkListings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkListings_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfilePhotos",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfilePhotos", x => x.ProfileId);
                    table.ForeignKey(
                        name: "FK_NetworkProfilePhotos_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkConversations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StarterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecipientProfileId = table.Column<int>(type: "integer", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastMessageAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkConversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkConversations_AspNetUsers_RecipientUserId",
                        column: x => x.RecipientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkConversations_AspNetUsers_StarterUserId",
                        column: x => x.StarterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkConversations_NetworkListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "NetworkListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkConversations_NetworkProfiles_RecipientProfileId",
                        column: x => x.RecipientProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReporterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProfileId = table.Column<int>(type: "integer", nullable: true),
                    ListingId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkReports_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkReports_NetworkListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "NetworkListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkReports_NetworkProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "NetworkProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<int>(type: "integer", nullable: false),
                    SenderUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMessages_NetworkConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "NetworkConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkBlocks_BlockedUserId",
                table: "NetworkBlocks",
                column: "BlockedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkBlocks_BlockerUserId_BlockedUserId",
                table: "NetworkBlocks",
                columns: new[] { "BlockerUserId", "BlockedUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkConversations_ListingId",
                table: "NetworkConversations",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkConversations_RecipientProfileId",
                table: "NetworkConversations",
                column: "RecipientProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkConversations_RecipientUserId",
                table: "NetworkConversations",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkConversations_StarterUserId",
                table: "NetworkConversations",
                column: "StarterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkListings_Kind_ExpiresOn",
                table: "NetworkListings",
                columns: new[] { "Kind", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkListings_ProfileId",
                table: "NetworkListings",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMessages_ConversationId",
                table: "NetworkMessages",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfiles_OwnerUserId",
                table: "NetworkProfiles",
                column: "OwnerUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfiles_Visibility_IsSuspended",
                table: "NetworkProfiles",
                columns: new[] { "Visibility", "IsSuspended" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReports_ListingId",
                table: "NetworkReports",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReports_Outcome",
                table: "NetworkReports",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReports_ProfileId",
                table: "NetworkReports",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReports_ReporterUserId",
                table: "NetworkReports",
                column: "ReporterUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkBlocks");

            migrationBuilder.DropTable(
                name: "NetworkContactQuotas");

            migrationBuilder.DropTable(
                name: "NetworkDigestSends");

            migrationBuilder.DropTable(
                name: "NetworkMessages");

            migrationBuilder.DropTable(
                name: "NetworkProfilePhotos");

            migrationBuilder.DropTable(
                name: "NetworkReports");

            migrationBuilder.DropTable(
                name: "NetworkConversations");

            migrationBuilder.DropTable(
                name: "NetworkListings");

            migrationBuilder.DropTable(
                name: "NetworkProfiles");
        }
    }
}
