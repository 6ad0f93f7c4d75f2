using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Computor.Persistence.SagaRepository;

/// <summary>Makes our EF Core repository the default for every saga registered on the bus.</summary>
public sealed class EfSagaRepositoryRegistrationProvider : ISagaRepositoryRegistrationProvider
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> configurator) where TSaga : class, ISaga =>
        configurator.Repository(services =>
        {
            services.RegisterLoadSagaRepository<TSaga, EfSagaRepositoryContextFactory<TSaga>>();
            services.RegisterQuerySagaRepository<TSaga, EfSagaRepositoryContextFactory<TSaga>>();
            services.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>,
                EfSagaRepositoryContextFactory<TSaga>>();
        });
}
