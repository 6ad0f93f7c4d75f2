namespace Computor.Runner.Sandboxing;

/// <summary>A program to run in the sandbox, the host directories it may see, and its input.</summary>
public sealed record SandboxCommand
{
    public required IReadOnlyList<SandboxMount> Mounts { get; init; }
    public required string WorkingDirectory { get; init; }

    /// <summary>The program and its arguments, as paths inside the sandbox.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }
    public byte[] Input { get; init; } = [];

    /// <summary>The unprivileged uid to run as; only used when the runner is root.</summary>
    public int Uid { get; init; }
}

/// <summary>A host path made visible inside the sandbox at <see cref="SandboxPath"/>.</summary>
public sealed record SandboxMount(string HostPath, string SandboxPath, bool Writable);

public sealed record SandboxResult(int ExitCode, byte[] Output, string Errors, bool TimedOut);
