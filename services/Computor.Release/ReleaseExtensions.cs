using Computor.Git;
using Computor.GitLab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Release;

public static class ReleaseExtensions
{
    /// <summary>Releasing courses: GitLab clients, the publisher (one per process: it serialises pushes per repository).</summary>
    public static IHostApplicationBuilder AddRelease(this IHostApplicationBuilder builder)
    {
        builder.AddGitLab();
        builder.AddGitAccess();
        builder.Services.AddSingleton<RepositoryPublisher>();
        builder.Services.AddSingleton<AssignmentRelease>();
        return builder;
    }
}
