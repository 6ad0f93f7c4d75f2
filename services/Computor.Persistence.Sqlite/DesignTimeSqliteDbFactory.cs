using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Computor.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add --project services/Computor.Persistence.Sqlite</c> build the SQLite model.</summary>
sealed class DesignTimeSqliteDbFactory : IDesignTimeDbContextFactory<ComputorDb>
{
    public ComputorDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(options, "Data Source=design-time.db");
        return new ComputorDb(options.Options);
    }
}
