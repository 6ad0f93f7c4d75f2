using System.Text.RegularExpressions;
using Computor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api;

/// <summary>Checks shared by the request bodies; each returns a problem to answer with, or null.</summary>
static partial class Validation
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex PathSegment();

    [GeneratedRegex("^[a-z0-9_][a-z0-9._-]{0,99}(\\.[a-z0-9_][a-z0-9._-]{0,99}){0,15}$")]
    private static partial Regex DottedPath();

    public static IResult? Required(string field, object? value) =>
        value is null || value is string s && string.IsNullOrWhiteSpace(s) ? ApiProblem.Invalid(field, "is required") : null;

    public static IResult? Path(string field, string? value) =>
        Required(field, value) ?? (PathSegment().IsMatch(value!) ? null
            : ApiProblem.Invalid(field, "lower-case letters, digits, '.', '_' or '-', at most 100 characters"));

    public static bool IsPathSegment(string value) => PathSegment().IsMatch(value);

    public static IResult? ContentPath(string field, string? value) =>
        Required(field, value) ?? (DottedPath().IsMatch(value!) ? null
            : ApiProblem.Invalid(field, "dot-separated segments of lower-case letters, digits, '_' or '-'"));

    public static IResult? Text(string field, string? value, int max = 255, bool required = true) =>
        (required ? Required(field, value) : null) ?? (value is { Length: var n } && n > max
            ? ApiProblem.Invalid(field, $"at most {max} characters") : null);

    public static IResult? Range(string field, int? value, int min, int max) =>
        value is { } v && (v < min || v > max) ? ApiProblem.Invalid(field, $"must be between {min} and {max}") : null;

    /// <summary>
    /// A clone URL without credentials: tokens belong in the runners' configuration, never in rows and messages
    /// that reach logs.
    /// </summary>
    public static IResult? RepositoryUrl(string field, string? value) =>
        value is null ? null
        : Text(field, value, 1024) ?? (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ssh" or "git" or "file"
            ? string.IsNullOrEmpty(url.UserInfo) || url.Scheme == "ssh" && !url.UserInfo.Contains(':')
                ? null
                : ApiProblem.Invalid(field, "must not contain credentials; configure them on the runners")
            : ApiProblem.Invalid(field, "an absolute http(s), ssh, git or file URL"));

    /// <summary>A path inside a repository: relative, no '..', no backslashes, not empty.</summary>
    public static bool IsRelativeDirectory(string value) =>
        value.Length is > 0 and <= 255 && !value.StartsWith('/') && !value.Contains('\\')
        && value.Split('/').All(segment => segment is not ("" or "." or ".."));

    public static IResult? FirstProblem(params IResult?[] problems) => problems.FirstOrDefault(p => p is not null);

    /// <summary>Saves, turning a unique-key violation into a 409 instead of a 500.</summary>
    public static async Task<IResult?> SaveUnique(this DbContext db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return ApiProblem.Conflict("CONFLICT_001", $"{what} already exists");
        }
    }
}
