using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResultArtifactCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "artifact_count",
                table: "results",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "artifact_count",
                table: "results");
        }
    }
}
