using LruAspire.Caching.Expiration;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Tests.Model;

/// <summary>
/// The obviously-correct model the <see cref="CachePolicy.Lru"/> engine is checked against: one plain list ordered
/// from most to least recently used, searched linearly, with the rules the engine documents: expired entries are
/// never returned; when an insert or an update leaves the cache over a bound, every expired entry is dropped first,
/// then the tail is evicted while the entry count or the byte total is over its bound.
/// Values are ints whose size is <c>value % 100</c>.
/// </summary>
internal sealed class ReferenceLru(int capacity, long maxBytes, TimeSpan? defaultTimeToLive)
{
    private readonly List<Entry> _list = [];

    public long Hits { get; private set; }
    public long Misses { get; private set; }
    public long Evictions { get; private set; }
    public long Expirations { get; private set; }
    public long Removals { get; private set; }

    public int Count => _list.Count;
    public long Bytes => _list.Sum(e => e.Size);

    public static long SizeOf(int value) => value % 100;

    public int? Get(int key, long now)
    {
        var index = _list.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            Misses++;
            return null;
        }

        var entry = _list[index];
        _list.RemoveAt(index);
        if (now >= entry.Deadline)
        {
            Expirations++;
            Misses++;
            return null;
        }
        Hits++;
        _list.Insert(0, entry with { Deadline = entry.Expiration.DeadlineAfterAccess(now) });
        return entry.Value;
    }

    public void Set(int key, int value, DistributedCacheEntryOptions options, long now)
    {
        var expiration = EntryExpiration.From(options, now, defaultTimeToLive);
        var deadline = expiration.DeadlineAfterAccess(now);
        var index = _list.FindIndex(e => e.Key == key);
        var size = SizeOf(value);

        if (deadline <= now || size > maxBytes)
        {
            if (index >= 0)
            {
                _list.RemoveAt(index);
                if (deadline <= now) { Removals++; } else { Evictions++; }
            }
            return;
        }

        if (index >= 0)
        {
            _list.RemoveAt(index);
        }
        _list.Insert(0, new Entry(key, value, size, expiration, deadline));
        if (_list.Count > capacity || Bytes > maxBytes)
        {
            Expirations += _list.RemoveAll(e => e.Deadline <= now);
        }
        while (_list.Count > capacity || Bytes > maxBytes)
        {
            Evictions++;
            _list.RemoveAt(_list.Count - 1);
        }
    }

    public bool Remove(int key, long now)
    {
        var index = _list.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            return false;
        }
        var expired = now >= _list[index].Deadline;
        _list.RemoveAt(index);
        if (expired) { Expirations++; } else { Removals++; }
        return !expired;
    }

    public int RemoveExpired(long now)
    {
        var removed = _list.RemoveAll(e => e.Deadline <= now);
        Expirations += removed;
        return removed;
    }

    public IReadOnlyList<int> KeysByRecency() => [.. _list.Select(e => e.Key)];

    private sealed record Entry(int Key, int Value, long Size, EntryExpiration Expiration, long Deadline);
}
