using MassTransit;

namespace Computor.ServiceDefaults;

/// <summary>Runner queues, and which execution backend each one serves.</summary>
public static class RunnerQueues
{
    public const string Python = "python-tests";
    public const string Matlab = "matlab-tests";
    public static readonly string[] All = [Python, Matlab];

    /// <summary>RabbitMQ priority levels of a runner queue; official submissions go first.</summary>
    public const byte MaxPriority = 10;
    public const byte OfficialSubmission = 8;
    public const byte TestRequest = 4;

    /// <summary>Queue arguments every declaration of a runner queue must use, or RabbitMQ refuses it.</summary>
    public static readonly Dictionary<string, object?> Arguments = new() { ["x-max-priority"] = (int)MaxPriority };

    /// <summary>The runner queue for a meta.yaml execution backend slug, or null when no runner serves it.</summary>
    public static string? ForBackend(string? slug) => slug?.Trim().ToLowerInvariant() switch
    {
        "itpcp.exec.py" or "python" or "py" => Python,
        "itpcp.exec.mat" or "itpcp.exec.oct" or "matlab" or "octave" => Matlab,
        _ => null,
    };

    /// <summary>
    /// Runners are sent to through their exchange: sending to <c>queue:</c> would make the sender declare the
    /// queue without its priority argument, which RabbitMQ refuses once a runner declared it with one.
    /// </summary>
    public static Uri SendAddress(string queue) => new($"exchange:{queue}");

    /// <summary>
    /// Sets the RabbitMQ priority of a run; other transports (the standalone host's in-memory bus) have no
    /// priorities and send it as it is.
    /// </summary>
    public static void SetPriority(SendContext send, byte priority)
    {
        if (send.TryGetPayload<RabbitMqSendContext>(out _))
            send.SetPriority(Math.Min(priority, MaxPriority));
    }

    /// <summary>Makes a runner's receive endpoint a priority queue, declared exactly like <see cref="RunnerQueueDeclaration"/> does.</summary>
    public static void ConfigureRunnerEndpoint(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQueueArgument("x-max-priority", (int)MaxPriority);
    }
}
