using LruAspire.Api.Store;

namespace LruAspire.Api.Tests.Store;

/// <summary>
/// Wraps a store so a test can hold a read after it has fetched its row but before it returns — the window in
/// which a concurrent write or invalidation races the cache fill.
/// </summary>
internal sealed class PausingItemStore(IItemStore inner) : IItemStore
{
    private readonly TaskCompletionSource _readFetched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _paused;

    /// <summary>Completes when the paused read has fetched its (soon stale) row.</summary>
    public Task ReadFetched => _readFetched.Task;

    /// <summary>Lets the paused read return what it fetched.</summary>
    public void Release() => _release.SetResult();

    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        var item = await inner.GetAsync(key, cancellationToken);
        // Only the first read is held; later reads (the assertions' own) pass straight through.
        if (Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _readFetched.SetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        return item;
    }

    public Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken) =>
        inner.UpsertAsync(key, value, precondition, cancellationToken);

    public Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken) =>
        inner.DeleteAsync(key, precondition, cancellationToken);
}
