using LruAspire.Api.Store;

namespace LruAspire.Api.Tests.Store;

/// <summary>
/// A real, dictionary-backed item store that counts its reads, for exercising the cache service and the API. Like
/// PostgreSQL, it gives every write a fresh version from one counter and checks a write's precondition and applies
/// it under one lock. Reads can be held at a gate, like a slow database, so that concurrent requests overlap.
/// </summary>
internal sealed class InMemoryItemStore : IItemStore
{
    private readonly Dictionary<long, (string Value, long Version)> _rows = [];
    private readonly Lock _lock = new();
    private long _lastVersion;
    private Task _gate = Task.CompletedTask;
    private int _reads;

    public int Reads => _reads;

    public string? this[long key] => Row(key)?.Value;

    /// <summary>The item's current version, or null when it does not exist.</summary>
    public long? VersionOf(long key) => Row(key)?.Version;

    /// <summary>Every row as it is now, ordered by key, for comparing the store before and after a request.</summary>
    public IReadOnlyList<(long Key, string Value, long Version)> Snapshot()
    {
        lock (_lock)
        {
            return [.. _rows.OrderBy(row => row.Key).Select(row => (row.Key, row.Value.Value, row.Value.Version))];
        }
    }

    /// <summary>Writes a row directly, with a new version, as a write through another replica would.</summary>
    public InMemoryItemStore With(long key, string value)
    {
        lock (_lock)
        {
            _rows[key] = (value, ++_lastVersion);
        }
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
        return Row(key) is { } row ? new Item(key, row.Value, row.Version) : null;
    }

    public Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var exists = _rows.TryGetValue(key, out var current);
            if (!precondition.IsMetBy(exists ? current.Version : null))
            {
                return Task.FromResult(new WriteResult(WriteStatus.PreconditionFailed));
            }
            _rows[key] = (value, ++_lastVersion);
            return Task.FromResult(new WriteResult(exists ? WriteStatus.Replaced : WriteStatus.Created, _lastVersion));
        }
    }

    public Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var outcome = !_rows.TryGetValue(key, out var current) ? WriteStatus.NotFound
                : !precondition.IsMetBy(current.Version) ? WriteStatus.PreconditionFailed
                : _rows.Remove(key) ? WriteStatus.Deleted
                : throw new InvalidOperationException("unreachable: the row was there under the lock");
            return Task.FromResult(new WriteResult(outcome));
        }
    }

    private (string Value, long Version)? Row(long key)
    {
        lock (_lock)
        {
            return _rows.TryGetValue(key, out var row) ? row : null;
        }
    }
}
