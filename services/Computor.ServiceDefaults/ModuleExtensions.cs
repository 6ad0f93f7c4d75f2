using Microsoft.Extensions.Hosting;

namespace Computor.ServiceDefaults;

public static class ModuleExtensions
{
    /// <summary>
    /// True the first time a module is added to this builder. Several modules share one (persistence, storage,
    /// git access); a host composing them must register each once, or it would run two outbox relays and
    /// register the same health check twice.
    /// </summary>
    public static bool FirstTime(this IHostApplicationBuilder builder, string module) =>
        builder.Properties.TryAdd((typeof(ModuleExtensions), module), true);
}
