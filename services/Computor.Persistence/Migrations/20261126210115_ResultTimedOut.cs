using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResultTimedOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "timed_out",
                table: "results",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "timed_out",
                table: "results");
        }
    }
}
