using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Git;

public static class GitExtensions
{
    /// <summary>Git credentials from the <c>Git</c> section; the local repositories from <c>LocalGit</c>.</summary>
    public static IHostApplicationBuilder AddGitAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GitCredentialOptions>().BindConfiguration(GitCredentialOptions.Section);
        builder.Services.AddOptions<LocalGitOptions>().BindConfiguration(LocalGitOptions.Section);
        builder.Services.AddSingleton<GitCredentials>();
        return builder;
    }
}
