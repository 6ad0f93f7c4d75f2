using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Git;

public static class GitExtensions
{
    /// <summary>Git credentials from the <c>Git</c> section.</summary>
    public static IHostApplicationBuilder AddGitCredentials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GitCredentialOptions>().BindConfiguration(GitCredentialOptions.Section);
        builder.Services.AddSingleton<GitCredentials>();
        return builder;
    }
}
