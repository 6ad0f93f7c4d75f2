using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Computor.Standalone;

/// <summary>
/// Where the standalone host keeps its state and where it listens, and the embedded defaults that stand in for
/// the real components. Each default yields to the variable the services use for the real one:
/// <c>ConnectionStrings__Computor</c> (PostgreSQL), <c>ConnectionStrings__RabbitMq</c>, <c>ObjectStorage__ServiceUrl</c> (S3).
/// </summary>
public sealed record StandaloneSettings(string DataDirectory, Uri Url)
{
    /// <summary><c>COMPUTOR_DATA</c>, or <c>.computor</c> in the working directory; <c>ASPNETCORE_URLS</c>, or port 8000.</summary>
    public static StandaloneSettings ForServe(IConfiguration environment) => new(
        Path.GetFullPath(environment["COMPUTOR_DATA"] is { Length: > 0 } data ? data : ".computor"),
        new Uri(FirstUrl(environment["ASPNETCORE_URLS"]) ?? "http://127.0.0.1:8000"));

    /// <summary>A fresh data directory and a free port on localhost.</summary>
    public static StandaloneSettings Fresh()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new(Directory.CreateTempSubdirectory("computor-").FullName, new Uri($"http://127.0.0.1:{port}"));
    }

    public string GitUrl => new Uri(Url, "git").ToString();

    /// <summary>Marks that the sample course was toured here, so a restart of <c>serve</c> does not tour it again.</summary>
    public string TourMarker => Path.Combine(DataDirectory, "sample-course-toured");

    /// <summary>The admin token: <c>COMPUTOR_ADMIN_TOKEN</c>, or one made at the first start and kept in the data directory.</summary>
    public string AdminToken(IConfiguration configuration) =>
        configuration["COMPUTOR_ADMIN_TOKEN"] is { Length: > 0 } token ? token : Kept("admin-token");

    /// <summary>The configuration the embedded components need, under whatever the environment sets.</summary>
    public Dictionary<string, string?> Defaults(IConfiguration configuration)
    {
        // It holds the database, every repository and the secrets: its owner's only.
        Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var admin = AdminToken(configuration);
        var defaults = new Dictionary<string, string?>
        {
            ["COMPUTOR_ADMIN_TOKEN"] = admin,
            ["COMPUTOR_TOKEN_SECRET"] = Kept("token-secret"),
            ["ConnectionStrings:Computor"] = $"Data Source={Path.Combine(DataDirectory, "computor.db")}",
            // Repositories live here and the API serves them; releases push and the runner fetches with the admin token.
            ["LocalGit:Root"] = Path.Combine(DataDirectory, "git"),
            ["LocalGit:PublicUrl"] = GitUrl,
            ["LocalGit:Token"] = admin,
            ["Git:Credentials:0:UrlPrefix"] = GitUrl,
            ["Git:Credentials:0:Password"] = admin,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (string.IsNullOrEmpty(configuration["ObjectStorage:ServiceUrl"]))
            defaults["ObjectStorage:Directory"] = Path.Combine(DataDirectory, "objects");
        return defaults;
    }

    /// <summary>A secret made once and kept, readable by its owner only.</summary>
    string Kept(string name)
    {
        var path = Path.Combine(DataDirectory, name);
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        using var file = new StreamWriter(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        file.Write(secret);
        return secret;
    }

    static string? FirstUrl(string? urls) => urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
