using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionArtifacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "artifact_id",
                table: "results",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "submission_artifacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_course_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_identifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    object_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    total_size = table.Column<long>(type: "bigint", nullable: false),
                    files_count = table.Column<int>(type: "integer", nullable: false),
                    submit = table.Column<bool>(type: "boolean", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_artifacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_submission_artifacts_course_members_uploaded_by_course_memb",
                        column: x => x.uploaded_by_course_member_id,
                        principalTable: "course_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_submission_artifacts_submission_groups_submission_group_id",
                        column: x => x.submission_group_id,
                        principalTable: "submission_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_results_artifact_id",
                table: "results",
                column: "artifact_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_artifacts_submission_group_id_uploaded_at",
                table: "submission_artifacts",
                columns: new[] { "submission_group_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_submission_artifacts_uploaded_by_course_member_id",
                table: "submission_artifacts",
                column: "uploaded_by_course_member_id");

            migrationBuilder.AddForeignKey(
                name: "fk_results_submission_artifacts_artifact_id",
                table: "results",
                column: "artifact_id",
                principalTable: "submission_artifacts",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_results_submission_artifacts_artifact_id",
                table: "results");

            migrationBuilder.DropTable(
                name: "submission_artifacts");

            migrationBuilder.DropIndex(
                name: "ix_results_artifact_id",
                table: "results");

            migrationBuilder.DropColumn(
                name: "artifact_id",
                table: "results");
        }
    }
}
