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
        builder.Services.AddSingleton<RepositoryMirrors>();
        builder.Services.AddSingleton<GitCheckout>();
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddSingleton<RunningTests>();
        builder.Services.AddSingleton<TestSlots>();
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
                    // Twice the runs tested at once (TestSlots): a run waits here for the slot the run before it gives up
                    // to store its report. No more than that, so an official submission sent later still overtakes
                    // the test requests waiting in the queue.
                    e.PrefetchCount = 2 * worker.Concurrency;
                    e.ConcurrentMessageLimit = 2 * worker.Concurrency;
                    e.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
                    e.ConfigureConsumer<RunStudentTestConsumer>(context);
                });
        });
        return builder;
    }
}
