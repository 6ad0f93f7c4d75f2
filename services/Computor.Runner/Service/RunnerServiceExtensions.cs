using System.ComponentModel.DataAnnotations;
using Computor.Git;
using Computor.Runner.Workspaces;
using Computor.ServiceDefaults;
using Computor.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Service;

public static class RunnerServiceExtensions
{
    /// <summary>
    /// The runner as a service: consumes RunStudentTest from the queues in <c>WORKER_QUEUES</c>
    /// (default: the language's queue), <c>WORKER_CONCURRENCY</c> at a time, highest priority first.
    /// </summary>
    public static IHostApplicationBuilder AddRunnerService(this IHostApplicationBuilder builder, string defaultQueue)
    {
        builder.AddObjectStorage();
        var worker = WorkerOptions.From(builder.Configuration, defaultQueue);
        // Read here, not lazily: the receive endpoints below are made from it.
        Validator.ValidateObject(worker, new ValidationContext(worker), validateAllProperties: true);
        builder.Services.AddSingleton(Options.Create(worker));
        builder.AddGitAccess();
        builder.Services.AddOptions<GitOptions>().BindConfiguration(GitOptions.Section);
        builder.Services.AddSingleton<GitCheckout>();
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddSingleton<RunningTests>();
        // Before the bus: a runner without a sandbox must not take a single run.
        builder.Services.AddHostedService<SandboxCheck>();
        builder.Services.AddHostedService<StaleWorkspaceCleanup>();

        builder.AddBusModule(x =>
        {
            x.AddConsumer<RunStudentTestConsumer>().ExcludeFromConfigureEndpoints();
            // Every runner instance needs every cancellation: its own temporary queue.
            x.AddConsumer<StudentTestCancelledConsumer>()
                .Endpoint(e =>
                {
                    e.Temporary = true;
                    e.InstanceId = Guid.NewGuid().ToString("N")[..8];
                });
        }, (context, cfg) =>
        {
            foreach (var queue in worker.QueueNames)
                cfg.ReceiveEndpoint(queue, e =>
                {
                    RunnerQueues.ConfigureRunnerEndpoint(e);
                    // Prefetch no more than we run, so a waiting official submission overtakes queued test requests.
                    e.PrefetchCount = worker.Concurrency;
                    e.ConcurrentMessageLimit = worker.Concurrency;
                    e.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
                    e.ConfigureConsumer<RunStudentTestConsumer>(context);
                });
        });
        return builder;
    }
}
