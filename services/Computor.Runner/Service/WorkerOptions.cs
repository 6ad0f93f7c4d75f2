using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// How long a run goes on before its start is announced (<see cref="StartNotice"/>); zero announces every start
    /// when the run takes its slot.
    /// </summary>
    public TimeSpan StartNoticeDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where runs lay out their checkouts; each run's folder is removed when it ends.</summary>
    [Required] public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), $"computor-workspaces-{Environment.UserName}");

    /// <summary>The seed's variables (<c>WORKER_*</c>) over the <c>Worker</c> section over the defaults.</summary>
    public static WorkerOptions From(IConfiguration configuration, string defaultQueue)
    {
        var options = new WorkerOptions { Queues = defaultQueue };
        configuration.GetSection("Worker").Bind(options);
        options.Type = configuration["WORKER_TYPE"] ?? options.Type;
        options.Queues = configuration["WORKER_QUEUES"] ?? options.Queues;
        if (int.TryParse(configuration["WORKER_CONCURRENCY"], out var concurrency))
            options.Concurrency = concurrency;
        return options;
    }

    public IReadOnlyList<string> QueueNames => Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
