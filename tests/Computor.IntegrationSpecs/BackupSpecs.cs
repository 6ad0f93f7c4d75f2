using System.Diagnostics;
using System.Globalization;
using Computor.IntegrationSpecs.Infrastructure;
using Npgsql;

namespace Computor.IntegrationSpecs;

/// <summary>The production backup (deploy/compose/backup/backup.sh) against real PostgreSQL: a dump that restores, and retention.</summary>
public class When_the_database_is_backed_up
{
    string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("computor-backups-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    async Task Backup(string connectionString, int keepDays = 14)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "compose", "backup", "backup.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["BACKUP_DIRECTORY"] = folder;
        start.Environment["BACKUP_KEEP_DAYS"] = keepDays.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await errors);
    }

    static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Should_write_a_dump_that_restores_into_an_empty_database()
    {
        var original = await Servers.Current.NewDatabase();
        await Execute(original, "CREATE TABLE results (id int PRIMARY KEY, grade double precision); INSERT INTO results VALUES (1, 0.75), (2, 1.0);");

        await Backup(original);
        var dump = Directory.GetFiles(folder, "computor-*.dump").Single();
        var restored = await Servers.Current.NewDatabase();
        var target = new NpgsqlConnectionStringBuilder(restored);
        var restore = new ProcessStartInfo("pg_restore", ["--no-owner", "--clean", "--if-exists", "-d", target.Database!, dump]) { RedirectStandardError = true };
        restore.Environment["PGHOST"] = target.Host;
        restore.Environment["PGPORT"] = target.Port.ToString(CultureInfo.InvariantCulture);
        restore.Environment["PGUSER"] = target.Username;
        restore.Environment["PGPASSWORD"] = target.Password ?? "";
        using (var process = Process.Start(restore)!)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, errors);
        }

        Assert.That(await Database.Count(restored, "SELECT count(*) FROM results WHERE grade > 0.5"), Is.EqualTo(2));
    }

    [Test]
    public async Task Should_delete_dumps_older_than_the_retention()
    {
        var database = await Servers.Current.NewDatabase();
        var old = Path.Combine(folder, "computor-20200101T000000Z.dump");
        await File.WriteAllTextAsync(old, "old");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-30));

        await Backup(database, keepDays: 14);

        Assert.That(File.Exists(old), Is.False, "a dump past the retention is deleted");
        Assert.That(Directory.GetFiles(folder, "computor-*.dump"), Has.Length.EqualTo(1), "the new dump stays");
        Assert.That(Directory.GetFiles(folder, ".*"), Is.Empty, "no half-written dump is left behind");
    }
}
