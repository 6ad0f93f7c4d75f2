using System.Collections.Concurrent;

namespace Computor.Persistence;

/// <summary>
/// Rows kept in memory only while <see cref="ChangeFeed"/> is live, each until the database announces a change that
/// <c>affected</c> maps to its key (null: every key), or until its own expiry. Read <see cref="Version"/> before
/// reading the database and hand it to <see cref="Keep"/>: a value read before a change is then never kept.
/// </summary>
public sealed class CoherentCache<TKey, TValue> where TKey : notnull
{
    readonly ChangeFeed feed;
    readonly TimeProvider clock;
    readonly TimeSpan lifetime;
    readonly int capacity;
    readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> entries = new();

    public CoherentCache(ChangeFeed feed, TimeProvider clock, TimeSpan lifetime, int capacity, Func<string, IEnumerable<TKey>?> affected)
    {
        (this.feed, this.clock, this.lifetime, this.capacity) = (feed, clock, lifetime, capacity);
        feed.Changed += change =>
        {
            if (change is null || affected(change) is not { } keys)
                entries.Clear();
            else
                foreach (var key in keys)
                    entries.TryRemove(key, out _);
        };
    }

    public long Version => feed.Generation;

    public bool TryGet(TKey key, out TValue value)
    {
        if (feed.IsLive && entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// Forgets everything, after a write of this process: its next request then reads the database instead of
    /// waiting for the change's announcement, which other instances rely on.
    /// </summary>
    public void Clear() => entries.Clear();

    /// <summary>Keeps a value read from the database after <paramref name="version"/> was taken, unless something changed since.</summary>
    public void Keep(TKey key, TValue value, long version, DateTimeOffset? expires = null)
    {
        if (!feed.IsLive || feed.Generation != version)
            return;
        if (entries.Count >= capacity)
            entries.Clear();
        var until = clock.GetUtcNow() + lifetime;
        entries[key] = (value, expires < until ? expires.Value : until);
        // A change announced while we wrote may have been forgotten before our write landed.
        if (feed.Generation != version || !feed.IsLive)
            entries.TryRemove(key, out _);
    }
}
