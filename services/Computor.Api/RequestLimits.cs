using System.Globalization;
using System.Threading.RateLimiting;
using Computor.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Computor.Api;

/// <summary>
/// Limits that keep one caller from starving the others: one test request per second per user
/// (CLIENT_API.md, <c>RATE_003</c>; <c>TestRequests__PerUserPerSecond</c>), and a bound on logins hashing
/// passwords at once, since each costs a deliberately slow hash. Counted per API instance.
/// </summary>
static class RequestLimits
{
    public const string TestRequests = "test-requests";
    public const string Logins = "logins";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration) => services.AddRateLimiter(o =>
    {
        var permits = Math.Max(1, configuration.GetValue("TestRequests:PerUserPerSecond", 1));
        o.AddPolicy(TestRequests, context => RateLimitPartition.GetFixedWindowLimiter(context.User.UserId(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        o.AddConcurrencyLimiter(Logins, l =>
        {
            l.PermitLimit = Environment.ProcessorCount;
            l.QueueLimit = 100;
        });
        o.OnRejected = async (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            var problem = context.HttpContext.Request.Path.StartsWithSegments("/auth")
                ? ApiProblem.Create(StatusCodes.Status429TooManyRequests, "RATE_001", "Too many logins at once; try again in a moment")
                : ApiProblem.Create(StatusCodes.Status429TooManyRequests, "RATE_003", "At most one test request per second");
            await problem.ExecuteAsync(context.HttpContext);
        };
    });
}
