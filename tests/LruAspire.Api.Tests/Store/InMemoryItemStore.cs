using System.Collections.Concurrent;
using LruAspire.Api.Store;

namespace LruAspire.Api.Tests.Store;

/// <summary>
/// A real, dictionary-backed item store that counts its reads, for exercising the cache service. Reads can be
/// held at a gate, like a slow database, so that concurrent requests overlap.
/// </summary>
internal sealed class InMemoryItemStore : IItemStore
{
    private readonly ConcurrentDictionary<long, string> _rows = new();
    private Task _gate = Task.CompletedTask;
    private int _reads;

    public int Reads => _reads;

    public string? this[long key] => _rows.TryGetValue(key, out var value) ? value : null;

    public InMemoryItemStore With(long key, string value)
    {
        _rows[key] = value;
        return this;
    }

    /// <summary>Holds every read until <paramref name="gate"/> completes.</summary>
    public InMemoryItemStore HoldReadsUntil(Task gate)
    {
        _gate = gate;
        return this;
    }

    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        await _gate.WaitAsync(cancellationToken);
        return _rows.TryGetValue(key, out var value) ? new Item(key, value) : null;
    }

    public Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken)
    {
        var created = true;
        _rows.AddOrUpdate(item.Key, item.Value, (_, _) =>
        {
            created = false;
            return item.Value;
        });
        return Task.FromResult(created);
    }

    public Task<bool> DeleteAsync(long key, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryRemove(key, out _));
}
