using Computor.Persistence;
using Computor.Release;
using Computor.ServiceDefaults;
using Computor.System.Release;
using Computor.System.Testing;
using MassTransit;

namespace Computor.System;

public static class SystemExtensions
{
    /// <summary>The saga state machines, their persistence, the message scheduler and the release workers.</summary>
    public static IHostApplicationBuilder AddComputorSystem(this IHostApplicationBuilder builder)
    {
        builder.AddComputorPersistence();
        builder.Services.AddOptions<StudentTestOptions>().BindConfiguration(StudentTestOptions.Section).ValidateOnStart();
        builder.AddRelease();
        builder.Services.AddScoped<CourseGit>();
        builder.Services.AddScoped<CourseContentRelease>();
        builder.AddBusModule(x =>
        {
            x.AddComputorSagaPersistence(builder.Services);
            x.AddSagaStateMachine<StudentTestStateMachine, Persistence.Sagas.StudentTestState>(typeof(StudentTestStateDefinition));
            x.AddSagaStateMachine<ReleaseStateMachine, Persistence.Sagas.ReleaseState>(typeof(ReleaseStateDefinition));
            // Git and GitLab steps that fail for a reason report it; a retry is for what was unexpected (a dropped connection).
            x.AddConsumer<CourseRepositoriesConsumer>(c => c.UseMessageRetry(r => r.Intervals(500, 2000, 5000)))
                .Endpoint(e => e.Name = SystemQueues.ReleaseWork);
            x.AddConsumer<CourseContentsConsumer>(c => c.UseMessageRetry(r => r.Intervals(500, 2000, 5000)))
                .Endpoint(e => e.Name = SystemQueues.ReleaseWork);
            x.AddConsumer<StudentRepositoryConsumer>(c => c.UseMessageRetry(r => r.Intervals(500, 2000, 5000)))
                .Endpoint(e => e.Name = SystemQueues.ReleaseWork);
        });
        return builder;
    }
}
