using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Computor.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Computor.Api.Testing;

/// <summary>
/// One test request per second per user (CLIENT_API.md, <c>RATE_003</c>): a client stuck in a loop cannot
/// flood the runners. Counted per API instance; <c>TestRequests__PerUserPerSecond</c> changes the number.
/// </summary>
static class TestRequestLimit
{
    public const string Policy = "test-requests";

    public static IServiceCollection AddTestRequestLimit(this IServiceCollection services, IConfiguration configuration) => services.AddRateLimiter(o =>
    {
        var permits = Math.Max(1, configuration.GetValue("TestRequests:PerUserPerSecond", 1));
        o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(context.User.UserId(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        o.OnRejected = async (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await ApiProblem.Create(StatusCodes.Status429TooManyRequests, "RATE_003", "At most one test request per second").ExecuteAsync(context.HttpContext);
        };
    });
}
