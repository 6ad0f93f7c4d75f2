namespace Computor.Api;

/// <summary>
/// RFC 7807 problem details that also carry the fields the existing Computor client reads:
/// <c>message</c> and <c>error_code</c>.
/// </summary>
static class ApiProblem
{
    public static IResult Create(int status, string code, string message) =>
        Results.Problem(statusCode: status, title: message, detail: message,
            extensions: new Dictionary<string, object?> { ["message"] = message, ["error_code"] = code });

    public static IResult BadRequest(string code, string message) => Create(StatusCodes.Status400BadRequest, code, message);

    public static IResult NotFound(string what) => Create(StatusCodes.Status404NotFound, "NF_003", $"{what} not found");

    /// <summary>401 with the <c>detail: "Unauthorized"</c> the client looks for, plus what went wrong.</summary>
    public static IResult Unauthorized(string code, string message) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: message, detail: "Unauthorized",
            extensions: new Dictionary<string, object?> { ["message"] = message, ["error_code"] = code });

    public static IResult Forbidden() => Create(StatusCodes.Status403Forbidden, "AUTH_003", "Not allowed for this account");

    public static IResult Conflict(string code, string message) => Create(StatusCodes.Status409Conflict, code, message);

    public static IResult Invalid(string field, string problem) =>
        Create(StatusCodes.Status400BadRequest, "VAL_001", $"{field}: {problem}");
}
