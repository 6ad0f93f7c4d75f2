using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "git_provider",
                table: "organizations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "local");

            migrationBuilder.AddColumn<string>(
                name: "gitlab_token_cipher",
                table: "organizations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gitlab_url",
                table: "organizations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reference_url",
                table: "courses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "student_template_url",
                table: "courses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "course_contents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "assignment");

            migrationBuilder.CreateTable(
                name: "release_sagas",
                columns: table => new
                {
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    flow = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: true),
                    succeeded = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_sagas", x => x.correlation_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "release_sagas");

            migrationBuilder.DropColumn(
                name: "git_provider",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "gitlab_token_cipher",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "gitlab_url",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "reference_url",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "student_template_url",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "course_contents");
        }
    }
}
