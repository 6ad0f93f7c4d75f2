using System.Diagnostics;
using System.Text;

namespace Computor.Standalone;

/// <summary>
/// Git as a lecturer or student runs it against the API's repositories. The token goes to git as a header for
/// each command only, never into a remote URL or a repository's config.
/// </summary>
sealed class TourGit(string token)
{
    readonly string header = "http.extraHeader=Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"git:{token}"));

    public async Task<string> Run(string? directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(header);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.name=Computor tour");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.email=tour@computor.invalid");
        if (directory is not null)
        {
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(directory);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        if (git.ExitCode != 0)
            throw new InvalidOperationException($"git {args[0]} failed: {(await error).Trim()}");
        return (await output).Trim();
    }

    /// <summary>Stages everything and commits it; returns the commit id.</summary>
    public async Task<string> Commit(string directory, string message)
    {
        await Run(directory, "add", "-A");
        await Run(directory, "commit", "-q", "-m", message);
        return await Run(directory, "rev-parse", "HEAD");
    }
}
