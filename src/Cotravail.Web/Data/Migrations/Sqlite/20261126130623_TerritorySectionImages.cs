using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cotravail.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TerritorySectionImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImageAlt",
                table: "TerritorySections",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageContentType",
                table: "TerritorySections",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageVersion",
                table: "TerritorySections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "TerritorySectionImages",
                columns: table => new
                {
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TerritorySectionImages", x => x.SectionId);
                    table.ForeignKey(
                        name: "FK_TerritorySectionImages_TerritorySections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "TerritorySections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TerritorySectionImages");

            migrationBuilder.DropColumn(
                name: "ImageAlt",
                table: "TerritorySections");

            migrationBuilder.DropColumn(
                name: "ImageContentType",
                table: "TerritorySections");

            migrationBuilder.DropColumn(
                name: "ImageVersion",
                table: "TerritorySections");
        }
    }
}
