namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>Processes on this machine, as `ps` would show them: sandboxed ones included.</summary>
static class HostProcesses
{
    public static int WithArgument(string argument) => Directory.EnumerateDirectories("/proc")
        .Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0]))
        .Count(d =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(d, "cmdline")).Split('\0').Contains(argument);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
