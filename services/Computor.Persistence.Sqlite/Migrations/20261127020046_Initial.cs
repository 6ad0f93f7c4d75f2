using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    git_provider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    gitlab_url = table.Column<string>(type: "TEXT", nullable: true),
                    gitlab_token_cipher = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_type = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    destination = table.Column<string>(type: "TEXT", nullable: true),
                    trace_parent = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "release_sagas",
                columns: table => new
                {
                    correlation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    current_state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    flow = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    course_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: true),
                    succeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    failed = table.Column<int>(type: "INTEGER", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_sagas", x => x.correlation_id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_messages",
                columns: table => new
                {
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    destination = table.Column<string>(type: "TEXT", nullable: false),
                    message_type = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    trace_parent = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_messages", x => x.token_id);
                });

            migrationBuilder.CreateTable(
                name: "student_test_sagas",
                columns: table => new
                {
                    correlation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    current_state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    result_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    runner_queue = table.Column<string>(type: "TEXT", nullable: true),
                    timeout_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    timeout_token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    deadline_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_test_sagas", x => x.correlation_id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    username = table.Column<string>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    given_name = table.Column<string>(type: "TEXT", nullable: true),
                    family_name = table.Column<string>(type: "TEXT", nullable: true),
                    is_admin = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "course_families",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_families", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_families_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "login_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    family_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    access_token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    access_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refresh_token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    refresh_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    rotated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_login_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_family_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    provider_url = table.Column<string>(type: "TEXT", nullable: true),
                    full_path = table.Column<string>(type: "TEXT", nullable: true),
                    assignments_url = table.Column<string>(type: "TEXT", nullable: true),
                    student_template_url = table.Column<string>(type: "TEXT", nullable: true),
                    reference_url = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_courses_course_families_course_family_id",
                        column: x => x.course_family_id,
                        principalTable: "course_families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_courses_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_contents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    directory = table.Column<string>(type: "TEXT", nullable: true),
                    execution_backend = table.Column<string>(type: "TEXT", nullable: true),
                    released_commit = table.Column<string>(type: "TEXT", nullable: true),
                    max_test_runs = table.Column<int>(type: "INTEGER", nullable: true),
                    max_submissions = table.Column<int>(type: "INTEGER", nullable: true),
                    timeout_seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    memory_limit_mb = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_contents", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_contents_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    repository_url = table.Column<string>(type: "TEXT", nullable: true),
                    repository_full_path = table.Column<string>(type: "TEXT", nullable: true),
                    repository_web_url = table.Column<string>(type: "TEXT", nullable: true),
                    repository_http_url_to_repo = table.Column<string>(type: "TEXT", nullable: true),
                    repository_project_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_members_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_course_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submission_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_content_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_submission_groups_course_contents_course_content_id",
                        column: x => x.course_content_id,
                        principalTable: "course_contents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_submission_groups_course_members_course_member_id",
                        column: x => x.course_member_id,
                        principalTable: "course_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submission_artifacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    uploaded_by_course_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_identifier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    object_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    total_size = table.Column<long>(type: "INTEGER", nullable: false),
                    files_count = table.Column<int>(type: "INTEGER", nullable: false),
                    submit = table.Column<bool>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_artifacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_submission_artifacts_course_members_uploaded_by_course_member_id",
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

            migrationBuilder.CreateTable(
                name: "results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_content_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_identifier = table.Column<string>(type: "TEXT", nullable: false),
                    artifact_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submit = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    test_system_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grade = table.Column<double>(type: "REAL", nullable: true),
                    total = table.Column<int>(type: "INTEGER", nullable: true),
                    passed = table.Column<int>(type: "INTEGER", nullable: true),
                    failed = table.Column<int>(type: "INTEGER", nullable: true),
                    skipped = table.Column<int>(type: "INTEGER", nullable: true),
                    report_location = table.Column<string>(type: "TEXT", nullable: true),
                    status_message = table.Column<string>(type: "TEXT", nullable: true),
                    timed_out = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_results_course_contents_course_content_id",
                        column: x => x.course_content_id,
                        principalTable: "course_contents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_results_course_members_course_member_id",
                        column: x => x.course_member_id,
                        principalTable: "course_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_results_submission_artifacts_artifact_id",
                        column: x => x.artifact_id,
                        principalTable: "submission_artifacts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_id",
                table: "api_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_contents_course_id_path",
                table: "course_contents",
                columns: new[] { "course_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_families_organization_id_path",
                table: "course_families",
                columns: new[] { "organization_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_members_course_id_user_id",
                table: "course_members",
                columns: new[] { "course_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_members_user_id",
                table: "course_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_course_family_id_path",
                table: "courses",
                columns: new[] { "course_family_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_courses_organization_id",
                table: "courses",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_login_sessions_access_token_hash",
                table: "login_sessions",
                column: "access_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_login_sessions_family_id",
                table: "login_sessions",
                column: "family_id");

            migrationBuilder.CreateIndex(
                name: "ix_login_sessions_refresh_token_hash",
                table: "login_sessions",
                column: "refresh_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_login_sessions_user_id",
                table: "login_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_path",
                table: "organizations",
                column: "path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_results_artifact_id",
                table: "results",
                column: "artifact_id");

            migrationBuilder.CreateIndex(
                name: "ix_results_course_content_id",
                table: "results",
                column: "course_content_id");

            migrationBuilder.CreateIndex(
                name: "ix_results_one_active_run",
                table: "results",
                columns: new[] { "course_member_id", "course_content_id", "version_identifier" },
                unique: true,
                filter: "status IN (0, 3, 4, 5, 7)");

            migrationBuilder.CreateIndex(
                name: "ix_results_test_system_id",
                table: "results",
                column: "test_system_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_due_at",
                table: "scheduled_messages",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_student_test_sagas_result_id",
                table: "student_test_sagas",
                column: "result_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_artifacts_submission_group_id_uploaded_at",
                table: "submission_artifacts",
                columns: new[] { "submission_group_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_submission_artifacts_uploaded_by_course_member_id",
                table: "submission_artifacts",
                column: "uploaded_by_course_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_groups_course_content_id",
                table: "submission_groups",
                column: "course_content_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_groups_course_member_id_course_content_id",
                table: "submission_groups",
                columns: new[] { "course_member_id", "course_content_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_username",
                table: "users",
                column: "username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "login_sessions");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "release_sagas");

            migrationBuilder.DropTable(
                name: "results");

            migrationBuilder.DropTable(
                name: "scheduled_messages");

            migrationBuilder.DropTable(
                name: "student_test_sagas");

            migrationBuilder.DropTable(
                name: "submission_artifacts");

            migrationBuilder.DropTable(
                name: "submission_groups");

            migrationBuilder.DropTable(
                name: "course_contents");

            migrationBuilder.DropTable(
                name: "course_members");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "course_families");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
