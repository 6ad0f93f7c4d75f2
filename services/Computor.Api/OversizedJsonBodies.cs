using Microsoft.AspNetCore.Http.Features;

namespace Computor.Api;

/// <summary>
/// A JSON body somewhat over the limit (up to twice it) is read to its end before the 413. Kestrel refuses it unread
/// and closes the connection, and a client still sending it, as clients do that do not wait for
/// <c>Expect: 100-continue</c>, then sees the connection cut instead of the answer. Beyond twice the limit it is cut.
/// </summary>
static class OversizedJsonBodies
{
    public static IApplicationBuilder UseOversizedJsonAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is { } length && length > ApiExtensions.MaxJsonBodyBytes && length <= 2 * ApiExtensions.MaxJsonBodyBytes
            && request.HasJsonContentType() && !request.Headers.Expect.Contains("100-continue")
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = length;
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "VAL_002",
                $"a JSON body is at most {ApiExtensions.MaxJsonBodyBytes} bytes").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
