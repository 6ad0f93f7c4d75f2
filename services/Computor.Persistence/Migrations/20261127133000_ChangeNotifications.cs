using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Computor.Persistence.Migrations
{
    /// <summary>
    /// Triggers that tell listening API instances (<see cref="ChangeFeed"/>) which rows changed, so they may keep
    /// what a status poll reads in memory: a result's ids when it changes, and "access" when tokens, logins,
    /// users or memberships do. Inserts need no notice: nothing absent is kept.
    /// </summary>
    [DbContext(typeof(ComputorDb))]
    [Migration("20261127133000_ChangeNotifications")]
    public partial class ChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION computor_result_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{ChangeFeed.Channel}', 'result:' || OLD.id || ':' || OLD.test_system_id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER {ChangeFeed.ResultTrigger} AFTER UPDATE OR DELETE ON results
                    FOR EACH ROW EXECUTE FUNCTION computor_result_changed();
                CREATE FUNCTION computor_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{ChangeFeed.Channel}', 'access');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER computor_api_tokens_changed AFTER UPDATE OR DELETE ON api_tokens
                    FOR EACH STATEMENT EXECUTE FUNCTION computor_access_changed();
                CREATE TRIGGER computor_login_sessions_changed AFTER UPDATE OR DELETE ON login_sessions
                    FOR EACH STATEMENT EXECUTE FUNCTION computor_access_changed();
                CREATE TRIGGER computor_users_changed AFTER UPDATE OR DELETE ON users
                    FOR EACH STATEMENT EXECUTE FUNCTION computor_access_changed();
                CREATE TRIGGER computor_course_members_changed AFTER UPDATE OR DELETE ON course_members
                    FOR EACH STATEMENT EXECUTE FUNCTION computor_access_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER {ChangeFeed.ResultTrigger} ON results;
                DROP TRIGGER computor_api_tokens_changed ON api_tokens;
                DROP TRIGGER computor_login_sessions_changed ON login_sessions;
                DROP TRIGGER computor_users_changed ON users;
                DROP TRIGGER computor_course_members_changed ON course_members;
                DROP FUNCTION computor_result_changed();
                DROP FUNCTION computor_access_changed();
                """);
        }
    }
}
