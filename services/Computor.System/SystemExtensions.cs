using Computor.Persistence;
using Computor.ServiceDefaults;
using Computor.System.Testing;

namespace Computor.System;

public static class SystemExtensions
{
    /// <summary>The saga state machines, their persistence and the message scheduler.</summary>
    public static IHostApplicationBuilder AddComputorSystem(this IHostApplicationBuilder builder)
    {
        builder.AddComputorPersistence();
        builder.Services.AddOptions<StudentTestOptions>().BindConfiguration(StudentTestOptions.Section).ValidateOnStart();
        builder.AddComputorBus(x =>
        {
            x.AddComputorSagaPersistence(builder.Services);
            x.AddSagaStateMachine<StudentTestStateMachine, Persistence.Sagas.StudentTestState>(typeof(StudentTestStateDefinition));
        });
        return builder;
    }
}
