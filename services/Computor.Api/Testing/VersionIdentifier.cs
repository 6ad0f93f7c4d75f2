using System.Text.RegularExpressions;

namespace Computor.Api.Testing;

/// <summary>The version a client names for a test or an upload: a git commit id, lower-cased.</summary>
static partial class VersionIdentifier
{
    [GeneratedRegex("^[0-9a-f]{7,64}$")]
    private static partial Regex Commit();

    public static (string Version, IResult? Problem) Parse(string? raw)
    {
        var version = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(version))
            return ("", ApiProblem.BadRequest("SUBMIT_006", "version_identifier is required"));
        return Commit().IsMatch(version)
            ? (version, null)
            : ("", ApiProblem.Invalid("version_identifier", "a git commit id (7 to 64 hexadecimal digits)"));
    }
}
