using System.ComponentModel.DataAnnotations;

namespace Computor.Runner.Service;

/// <summary>
/// The unified worker settings the seed asks for, read from <c>WORKER_TYPE</c>, <c>WORKER_QUEUES</c>
/// (comma-separated) and <c>WORKER_CONCURRENCY</c>.
/// </summary>
public sealed class WorkerOptions
{
    [Required] public string Type { get; set; } = "python";
    [Required] public string Queues { get; set; } = "";
    [Range(1, 256)] public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Where runs lay out their checkouts; each run's folder is removed when it ends.</summary>
    [Required] public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "computor-workspaces");

    public IReadOnlyList<string> QueueNames => Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
