using Computor.Persistence;
using Npgsql;

namespace Computor.Specs;

public sealed class When_a_service_connects_to_postgresql
{
    static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        using var dataSource = ComputorDb.DataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }

    [Test]
    public void Should_keep_statements_prepared_and_skip_the_reset_on_return()
    {
        var settings = Settings("Host=db.invalid;Database=computor");
        Assert.Multiple(() =>
        {
            Assert.That(settings.MaxAutoPrepare, Is.EqualTo(64));
            Assert.That(settings.NoResetOnClose, Is.True);
            Assert.That(settings.Host, Is.EqualTo("db.invalid"));
        });
    }

    [TestCase("Host=db.invalid;Max Auto Prepare=0", 0)]
    [TestCase("Host=db.invalid;MaxAutoPrepare=10", 10)]
    [TestCase("Host=db.invalid;max auto prepare=5", 5)]
    public void Should_leave_automatic_preparation_as_the_connection_string_sets_it(string connectionString, int expected) =>
        Assert.That(Settings(connectionString).MaxAutoPrepare, Is.EqualTo(expected));
}
