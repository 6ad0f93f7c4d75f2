namespace Computor.Api.Release;

static class ReleaseProblems
{
    /// <summary>Every problem of a list at once, so a lecturer fixes their file in one go.</summary>
    public static IResult Invalid(IReadOnlyList<string> problems) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problems[0], detail: string.Join("; ", problems),
            extensions: new Dictionary<string, object?>
            {
                ["message"] = problems.Count == 1 ? problems[0] : $"{problems.Count} problems: {string.Join("; ", problems.Take(20))}",
                ["error_code"] = "VAL_001",
                ["problems"] = problems,
            });
}
