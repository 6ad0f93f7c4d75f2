using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Computor.RunnerSpecs;

/// <summary>
/// A private git server: git's own smart HTTP backend (git http-backend) behind basic authentication,
/// as GitLab serves a private project.
/// </summary>
public sealed class PrivateGitServer : IAsyncDisposable
{
    readonly WebApplication app;

    PrivateGitServer(WebApplication app, string url) => (this.app, Url) = (app, url);

    public string Url { get; }

    public static async Task<PrivateGitServer> Start(string projectRoot, string user, string password)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        app.Run(async context =>
        {
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
                return;
            }
            await Backend(context, projectRoot, user);
        });
        await app.StartAsync();
        return new PrivateGitServer(app, $"http://127.0.0.1:{port}");
    }

    /// <summary>Runs git http-backend as a CGI program for one request.</summary>
    static async Task Backend(HttpContext context, string projectRoot, string user)
    {
        var start = new ProcessStartInfo("/usr/lib/git-core/git-http-backend")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["PATH_INFO"] = context.Request.Path.Value;
        start.Environment["QUERY_STRING"] = context.Request.QueryString.Value?.TrimStart('?') ?? "";
        start.Environment["REQUEST_METHOD"] = context.Request.Method;
        start.Environment["CONTENT_TYPE"] = context.Request.ContentType ?? "";
        start.Environment["REMOTE_USER"] = user;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (context.Request.Headers.ContentEncoding.Count > 0)
            start.Environment["HTTP_CONTENT_ENCODING"] = context.Request.Headers.ContentEncoding.ToString();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await context.Request.Body.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        await errors;

        var bytes = output.ToArray();
        var (split, separator) = HeaderEnd(bytes);
        foreach (var line in Encoding.ASCII.GetString(bytes, 0, split).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                context.Response.StatusCode = int.Parse(value[..3]);
            else
                context.Response.Headers.Append(name, value);
        }
        await context.Response.Body.WriteAsync(bytes.AsMemory(split + separator));
    }

    /// <summary>Where the CGI headers end: the first blank line, written as CRLF CRLF or LF LF.</summary>
    static (int End, int Separator) HeaderEnd(byte[] data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data.AsSpan(i).StartsWith("\r\n\r\n"u8))
                return (i, 4);
            if (data.AsSpan(i).StartsWith("\n\n"u8))
                return (i, 2);
        }
        return (data.Length, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
