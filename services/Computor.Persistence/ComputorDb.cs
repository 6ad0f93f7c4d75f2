using System.Diagnostics;
using Computor.Persistence.Entities;
using Computor.Persistence.Outbox;
using Computor.Persistence.Sagas;
using Computor.Persistence.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Computor.Persistence;

public sealed class ComputorDb(DbContextOptions<ComputorDb> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<CourseFamily> CourseFamilies => Set<CourseFamily>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseContent> CourseContents => Set<CourseContent>();
    public DbSet<User> Users => Set<User>();
    public DbSet<CourseMember> CourseMembers => Set<CourseMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();
    public DbSet<SubmissionGroup> SubmissionGroups => Set<SubmissionGroup>();
    public DbSet<SubmissionArtifact> SubmissionArtifacts => Set<SubmissionArtifact>();
    public DbSet<Result> Results => Set<Result>();
    public DbSet<StudentTestState> StudentTests => Set<StudentTestState>();
    public DbSet<ReleaseState> Releases => Set<ReleaseState>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    /// <summary>
    /// The provider setup shared by the design-time tools and the specs: PostgreSQL, or SQLite for a connection
    /// string that starts with <c>Data Source=</c> (the standalone host's embedded database). The services use
    /// <see cref="DataSource"/> instead, one per process.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        (IsSqlite(connectionString)
            ? options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
            : options.UseNpgsql(connectionString, Npgsql))
        .UseSnakeCaseNamingConvention();

    /// <summary>PostgreSQL through the process's one <see cref="DataSource"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    static void Npgsql(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsHistoryTable("ef_migrations_history");

    /// <summary>
    /// A service's connections to PostgreSQL, built once per process. Clients poll their results every 2 s and every
    /// request runs the same few statements, so connections keep them prepared (<c>Max Auto Prepare</c>, unless the
    /// connection string sets it) and PostgreSQL parses and plans each once per connection. Returning a connection
    /// to the pool does not reset it (<c>No Reset On Close</c>): no statement of ours leaves session state behind
    /// (the only lock we take ends with its transaction), and a reset would discard the prepared statements.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Npgsql's own builder answers ContainsKey for every keyword it knows; a plain one says what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        // Queries outside any request or message (the outbox relay and the scheduler polling several times a
        // second) start no trace of their own: they would bury the flows' traces.
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => Activity.Current is not null));
        return builder.Build();
    }

    /// <summary>The SQLite schema has its own migrations; a host that uses SQLite references this assembly.</summary>
    public const string SqliteMigrations = "Computor.Persistence.Sqlite";

    public static bool IsSqlite(string connectionString) =>
        connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Oldest outbox rows not claimed by another relay. On PostgreSQL the claim deletes them in one statement
    /// (skipping rows another relay holds), undone if the caller's transaction rolls back; on SQLite, which has no
    /// row locks, the transaction holds the database's write lock from its start, and the caller removes the rows
    /// (<see cref="ClaimsDelete"/>).
    /// </summary>
    public IQueryable<OutboxMessage> ClaimOutboxBatch(int size) => Database.IsSqlite()
        ? OutboxMessages.OrderBy(m => m.Id).Take(size)
        : OutboxMessages.FromSqlInterpolated($"""
            DELETE FROM outbox_messages WHERE id IN
                (SELECT id FROM outbox_messages ORDER BY id LIMIT {size} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """);

    /// <summary>Due scheduled messages not claimed by another dispatcher, claimed as <see cref="ClaimOutboxBatch"/> claims.</summary>
    public IQueryable<ScheduledMessage> ClaimDueMessages(DateTimeOffset now, int size) => Database.IsSqlite()
        ? ScheduledMessages.Where(m => m.DueAt <= now).OrderBy(m => m.DueAt).Take(size)
        : ScheduledMessages.FromSqlInterpolated($"""
            DELETE FROM scheduled_messages WHERE token_id IN
                (SELECT token_id FROM scheduled_messages WHERE due_at <= {now} ORDER BY due_at LIMIT {size} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """);

    /// <summary>Whether the claims above delete what they return, or leave that to the caller.</summary>
    public bool ClaimsDelete => !Database.IsSqlite();

    /// <summary>
    /// Serialises the caller's transaction with every other one that takes the same key, until it ends
    /// (a PostgreSQL advisory lock). A SQLite transaction already holds the database's write lock.
    /// </summary>
    public async Task LockForTransaction(string key, CancellationToken ct)
    {
        if (!Database.IsSqlite())
            await Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
    }

    /// <summary>SQLite stores DateTimeOffset as text it cannot order or compare; as a number it can.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        if (Database.IsSqlite())
            conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Organization>().HasIndex(o => o.Path).IsUnique();
        model.Entity<CourseFamily>(e =>
        {
            e.HasIndex(f => new { f.OrganizationId, f.Path }).IsUnique();
            e.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
        });
        model.Entity<Course>(e =>
        {
            e.HasIndex(c => new { c.CourseFamilyId, c.Path }).IsUnique();
            e.HasOne<CourseFamily>().WithMany().HasForeignKey(c => c.CourseFamilyId);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        });
        model.Entity<CourseContent>(e =>
        {
            e.HasIndex(c => new { c.CourseId, c.Path }).IsUnique();
            e.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId);
        });
        model.Entity<User>().HasIndex(u => u.Username).IsUnique();
        model.Entity<CourseMember>(e =>
        {
            e.HasIndex(m => new { m.CourseId, m.UserId }).IsUnique();
            e.HasOne<Course>().WithMany().HasForeignKey(m => m.CourseId);
            e.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.OwnsOne(m => m.Repository, r => r.ToTable("course_members"));
            e.Navigation(m => m.Repository).IsRequired();
        });
        model.Entity<ApiToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId);
        });
        model.Entity<User>().Property(u => u.PasswordHash).HasMaxLength(256);
        model.Entity<LoginSession>(e =>
        {
            e.HasIndex(s => s.AccessTokenHash).IsUnique();
            e.HasIndex(s => s.RefreshTokenHash).IsUnique();
            e.HasIndex(s => s.FamilyId);
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId);
        });
        model.Entity<SubmissionGroup>(e =>
        {
            e.HasIndex(g => new { g.CourseMemberId, g.CourseContentId }).IsUnique();
            e.HasOne<CourseMember>().WithMany().HasForeignKey(g => g.CourseMemberId);
            e.HasOne<CourseContent>().WithMany().HasForeignKey(g => g.CourseContentId);
        });
        model.Entity<SubmissionArtifact>(e =>
        {
            e.HasIndex(a => new { a.SubmissionGroupId, a.UploadedAt });
            e.HasOne<SubmissionGroup>().WithMany().HasForeignKey(a => a.SubmissionGroupId);
            e.HasOne<CourseMember>().WithMany().HasForeignKey(a => a.UploadedByCourseMemberId);
            e.Property(a => a.VersionIdentifier).HasMaxLength(64);
            e.Property(a => a.ObjectKey).HasMaxLength(256);
        });
        model.Entity<Result>(e =>
        {
            e.HasOne<SubmissionArtifact>().WithMany().HasForeignKey(r => r.ArtifactId);
            e.HasOne<CourseMember>().WithMany().HasForeignKey(r => r.CourseMemberId);
            e.HasOne<CourseContent>().WithMany().HasForeignKey(r => r.CourseContentId);
            e.HasIndex(r => r.TestSystemId).IsUnique();
            // At most one queued, running or finished run per member, assignment and version: the database
            // enforces the idempotency rule even when two identical requests race.
            e.HasIndex(r => new { r.CourseMemberId, r.CourseContentId, r.VersionIdentifier })
                .IsUnique()
                .HasFilter("status IN (0, 3, 4, 5, 7)")
                .HasDatabaseName("ix_results_one_active_run");
        });
        model.Entity<StudentTestState>(e =>
        {
            e.ToTable("student_test_sagas");
            e.HasKey(s => s.CorrelationId);
            e.Property(s => s.CorrelationId).ValueGeneratedNever();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.Property(s => s.CurrentState).HasMaxLength(32);
            e.HasIndex(s => s.ResultId);
        });
        model.Entity<ReleaseState>(e =>
        {
            e.ToTable("release_sagas");
            e.HasKey(s => s.CorrelationId);
            e.Property(s => s.CorrelationId).ValueGeneratedNever();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.Property(s => s.CurrentState).HasMaxLength(32);
            e.Property(s => s.Flow).HasMaxLength(32);
            e.Property(s => s.Items).HasColumnType("jsonb");
        });
        model.Entity<Organization>().Property(o => o.GitProvider).HasMaxLength(16);
        model.Entity<CourseContent>().Property(c => c.Kind).HasMaxLength(16);
        model.Entity<OutboxMessage>().Property(m => m.Id).UseIdentityByDefaultColumn();
        model.Entity<ScheduledMessage>(e =>
        {
            e.HasKey(m => m.TokenId);
            e.HasIndex(m => m.DueAt);
        });
    }
}
