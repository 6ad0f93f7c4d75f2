using System.Security.Cryptography;
using System.Text.Json;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Caching.Memory;

namespace Computor.Runner.Execution;

/// <summary>
/// Reference runs of released assignments, kept in memory. A released reference never changes and
/// its code runs with fixed seeds, so every student's run of the same plan would compute the same
/// values again; the service runs it once per runner. Runs that timed out or crashed are not kept.
/// </summary>
public sealed class ReferenceRuns : IDisposable
{
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 256 });

    public async Task<SideRun> GetOrRun(string? referenceKey, SidePlan plan, SandboxLimits limits, Func<Task<SideRun>> run)
    {
        if (referenceKey is null)
            return await run();
        var key = Key(referenceKey, plan, limits);
        if (cache.TryGetValue(key, out SideRun? known) && known is not null)
            return known;
        var fresh = await run();
        if (fresh.Failure is null && !fresh.Collections.Any(c => c.TimedOut))
            cache.Set(key, fresh, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });
        return fresh;
    }

    /// <summary>The reference, and everything of the plan that can change what it computes.</summary>
    static string Key(string referenceKey, SidePlan plan, SandboxLimits limits)
    {
        var what = JsonSerializer.SerializeToUtf8Bytes(new
        {
            referenceKey, plan.Collections, plan.Structural, plan.Lint, limits.MemoryMb, limits.Environment,
        });
        return Convert.ToHexString(SHA256.HashData(what));
    }

    public void Dispose() => cache.Dispose();
}
