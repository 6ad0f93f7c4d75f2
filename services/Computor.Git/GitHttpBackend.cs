using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Computor.Git;

/// <summary>
/// Serves one smart-HTTP request from bare repositories under a root by running git's own
/// <c>git http-backend</c> as a CGI program: request body into its input, its headers and body streamed back.
/// Who may read or push is decided by the caller before this runs.
/// </summary>
public static class GitHttpBackend
{
    /// <param name="pathInfo">The request path below the root, e.g. <c>/org/course/reference.git/info/refs</c>.</param>
    /// <param name="user">The authenticated user; git http-backend accepts pushes only from a named user.</param>
    public static async Task Serve(HttpContext context, string projectRoot, string pathInfo, string user)
    {
        var start = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["PATH_INFO"] = pathInfo;
        start.Environment["QUERY_STRING"] = context.Request.QueryString.Value?.TrimStart('?') ?? "";
        start.Environment["REQUEST_METHOD"] = context.Request.Method;
        start.Environment["CONTENT_TYPE"] = context.Request.ContentType ?? "";
        start.Environment["REMOTE_USER"] = user;
        start.Environment["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (context.Request.Headers.ContentEncoding.Count > 0)
            start.Environment["HTTP_CONTENT_ENCODING"] = context.Request.Headers.ContentEncoding.ToString();
        if (context.Request.Headers.TryGetValue("Git-Protocol", out var protocol))
            start.Environment["GIT_PROTOCOL"] = protocol.ToString();

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git http-backend did not start");
        var errors = process.StandardError.ReadToEndAsync(context.RequestAborted);
        var input = Task.Run(async () =>
        {
            await context.Request.Body.CopyToAsync(process.StandardInput.BaseStream, context.RequestAborted);
            process.StandardInput.Close();
        });
        var output = process.StandardOutput.BaseStream;
        foreach (var (name, value) in await Headers(output))
        {
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                context.Response.StatusCode = int.Parse(value[..3]);
            else
                context.Response.Headers.Append(name, value);
        }
        await output.CopyToAsync(context.Response.Body, context.RequestAborted);
        await input;
        await process.WaitForExitAsync(context.RequestAborted);
        await errors;
    }

    /// <summary>The CGI header lines, read byte by byte up to the blank line so the body stays in the stream.</summary>
    static async Task<List<(string Name, string Value)>> Headers(Stream output)
    {
        var headers = new List<(string, string)>();
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await output.ReadAsync(buffer) == 1)
        {
            if (buffer[0] == '\r')
                continue;
            if (buffer[0] != '\n')
            {
                line.Append((char)buffer[0]);
                continue;
            }
            if (line.Length == 0)
                break;
            var text = line.ToString();
            var colon = text.IndexOf(':');
            if (colon > 0)
                headers.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
            line.Clear();
        }
        return headers;
    }
}
