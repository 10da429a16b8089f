using LruAspire.Caching.Expiration;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Tests.Model;

/// <summary>
/// What any correct policy must agree with, whichever entries it chooses to evict: for each key, the last value
/// set and its deadline (sliding windows restart on a hit), or nothing after a remove, an expiry or a value too
/// big for the byte bound. A found value must be exactly the one this model holds; eviction may only make a
/// present key missing. Values are ints whose size is <c>value % 100</c>.
/// </summary>
internal sealed class ReferenceEntries(long maxBytes, TimeSpan? defaultTimeToLive)
{
    private readonly Dictionary<int, Entry> _entries = [];

    /// <summary>The live value the cache may return for <paramref name="key"/>, or <see langword="null"/> if it must miss.</summary>
    public int? Allowed(int key, long now) =>
        _entries.TryGetValue(key, out var entry) && now < entry.Deadline ? entry.Value : null;

    /// <summary>The cache returned <paramref name="found"/> for <paramref name="key"/>: a hit renews a sliding window, a miss forgets the key.</summary>
    public void Observe(int key, int? found, long now)
    {
        if (found is null)
        {
            _entries.Remove(key);
        }
        else
        {
            var entry = _entries[key];
            _entries[key] = entry with { Deadline = entry.Expiration.DeadlineAfterAccess(now) };
        }
    }

    public void Set(int key, int value, DistributedCacheEntryOptions options, long now)
    {
        var expiration = EntryExpiration.From(options, now, defaultTimeToLive);
        var deadline = expiration.DeadlineAfterAccess(now);
        if (deadline <= now || value % 100 > maxBytes)
        {
            _entries.Remove(key);
            return;
        }
        _entries[key] = new Entry(value, expiration, deadline);
    }

    public void Remove(int key) => _entries.Remove(key);

    private sealed record Entry(int Value, EntryExpiration Expiration, long Deadline);
}
