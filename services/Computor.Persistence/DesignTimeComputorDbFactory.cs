using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Computor.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host or a running server.</summary>
sealed class DesignTimeComputorDbFactory : IDesignTimeDbContextFactory<ComputorDb>
{
    public ComputorDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(options, "Host=localhost;Database=computor");
        return new ComputorDb(options.Options);
    }
}
