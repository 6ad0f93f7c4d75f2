using System.Text.RegularExpressions;
using MassTransit;

namespace Computor.System.Testing;

/// <summary>
/// Words for a student when a runner crashed. Runner errors may quote repository URLs, so credentials in
/// them are blanked, and the text is kept short.
/// </summary>
static partial class RunnerFault
{
    const int MaxLength = 500;

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    public static string Describe(ExceptionInfo[]? exceptions)
    {
        var error = exceptions?.FirstOrDefault();
        var text = error is null ? "unknown error" : UrlCredentials().Replace(error.Message, "${scheme}***@");
        var reason = $"The runner failed: {text}";
        return reason.Length <= MaxLength ? reason : reason[..MaxLength] + "...";
    }
}
