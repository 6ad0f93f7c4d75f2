using System.Text;
using Computor.Git;
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
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0 lets Kestrel take a free port itself: one chosen beforehand may be taken before Kestrel binds it.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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
            await GitHttpBackend.Serve(context, projectRoot, context.Request.Path.Value ?? "/", user);
        });
        await app.StartAsync();
        return new PrivateGitServer(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
