using LruAspire.Caching.Expiration;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Tests.Model;

/// <summary>
/// The obviously-correct model the engine is checked against: per stripe, a plain list ordered from most to least
/// recently used, searched linearly, with the same rules the engine documents (expired entries are never
/// returned; an insert first drops expired entries at the tail, then evicts the tail while over a bound).
/// Values are ints whose size is <c>value % 100</c>.
/// </summary>
internal sealed class ReferenceLru(int[] capacities, long[] maxBytes, Func<int, int> stripeOf, TimeSpan? defaultTimeToLive)
{
    private readonly List<Entry>[] _stripes = [.. capacities.Select(_ => new List<Entry>())];

    public long Hits { get; private set; }
    public long Misses { get; private set; }
    public long Evictions { get; private set; }
    public long Expirations { get; private set; }
    public long Removals { get; private set; }

    public int Count => _stripes.Sum(s => s.Count);
    public long Bytes => _stripes.Sum(s => s.Sum(e => e.Size));

    public static long SizeOf(int value) => value % 100;

    public int? Get(int key, long now)
    {
        var list = _stripes[stripeOf(key)];
        var index = list.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            Misses++;
            return null;
        }

        var entry = list[index];
        list.RemoveAt(index);
        if (now >= entry.Deadline)
        {
            Expirations++;
            Misses++;
            return null;
        }
        Hits++;
        list.Insert(0, entry with { Deadline = entry.Expiration.DeadlineAfterAccess(now) });
        return entry.Value;
    }

    public void Set(int key, int value, DistributedCacheEntryOptions options, long now)
    {
        var stripe = stripeOf(key);
        var list = _stripes[stripe];
        var expiration = EntryExpiration.From(options, now, defaultTimeToLive);
        var deadline = expiration.DeadlineAfterAccess(now);
        var index = list.FindIndex(e => e.Key == key);
        var size = SizeOf(value);

        if (deadline <= now || size > maxBytes[stripe])
        {
            if (index >= 0)
            {
                list.RemoveAt(index);
                if (deadline <= now) { Removals++; } else { Evictions++; }
            }
            return;
        }

        if (index >= 0)
        {
            list.RemoveAt(index);
        }
        else
        {
            while (list.Count > 0 && list[^1].Deadline <= now)
            {
                list.RemoveAt(list.Count - 1);
                Expirations++;
            }
            if (list.Count >= capacities[stripe])
            {
                EvictTail(list, now);
            }
        }
        list.Insert(0, new Entry(key, value, size, expiration, deadline));
        while (list.Sum(e => e.Size) > maxBytes[stripe])
        {
            EvictTail(list, now);
        }
    }

    public bool Remove(int key, long now)
    {
        var list = _stripes[stripeOf(key)];
        var index = list.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            return false;
        }
        var expired = now >= list[index].Deadline;
        list.RemoveAt(index);
        if (expired) { Expirations++; } else { Removals++; }
        return !expired;
    }

    public int RemoveExpired(long now)
    {
        var removed = 0;
        foreach (var list in _stripes)
        {
            removed += list.RemoveAll(e => e.Deadline <= now);
        }
        Expirations += removed;
        return removed;
    }

    public IReadOnlyList<int> KeysByRecency(int stripe) => [.. _stripes[stripe].Select(e => e.Key)];

    private void EvictTail(List<Entry> list, long now)
    {
        if (list[^1].Deadline <= now) { Expirations++; } else { Evictions++; }
        list.RemoveAt(list.Count - 1);
    }

    private sealed record Entry(int Key, int Value, long Size, EntryExpiration Expiration, long Deadline);
}
