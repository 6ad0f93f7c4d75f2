using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Computor.GitLab;

public static class GitLabExtensions
{
    /// <summary>
    /// GitLab clients through <see cref="GitLabConnector"/>: retries of 429 (after Retry-After) and 5xx with
    /// exponential back-off, as <c>GitLab</c> configures them. A POST is retried only when GitLab did not take
    /// it (429, 502, 503, 504); callers find before they create, so a retried create finds its result.
    /// </summary>
    public static IHostApplicationBuilder AddGitLab(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GitLabOptions>().BindConfiguration(GitLabOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton<GitLabConnector>();
        builder.Services.AddHttpClient(GitLabConnector.HttpClientName)
            .AddResilienceHandler("gitlab", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<GitLabOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.Retries, 1),
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(options.Retries > 0 && Transient(args.Outcome)),
                });
            });
        return builder;
    }

    static bool Transient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException)
            return true;
        if (outcome.Result is not { } response)
            return false;
        var status = (int)response.StatusCode;
        var unprocessed = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return unprocessed || status >= 500 && response.RequestMessage?.Method == HttpMethod.Get;
    }
}
