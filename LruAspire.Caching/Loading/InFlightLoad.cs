namespace LruAspire.Caching.Loading;

/// <summary>
/// One running loader call that every concurrent miss for the same key waits on (single flight).
/// </summary>
/// <remarks>
/// <para>
/// The load is registered under the cache's policy lock, and anything that makes its result stale (a
/// <c>Remove</c>, a <c>Set</c>, a <c>Clear</c>) unregisters it under the same lock. The result is stored only
/// if the load is still registered when it completes, so a write that happens during the load always wins.
/// </para>
/// <para>
/// Callers wait with their own cancellation token. The loader's token is cancelled only when every waiter
/// has given up, so one impatient caller cannot fail the others. <see cref="Waiters"/> and
/// <see cref="Completed"/> are guarded by the policy lock.
/// </para>
/// </remarks>
internal sealed class InFlightLoad<TValue>
{
    // Waiters resume on the thread pool rather than inline on the loader's completion, so a load joined by
    // hundreds of callers does not run all their continuations on one stack.
    private readonly TaskCompletionSource<LoadResult<TValue>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Never disposed: it has no timer and its wait handle is never created, and disposing it while a last
    // waiter may be cancelling it would turn a benign race into an ObjectDisposedException.
    private readonly CancellationTokenSource _cancellation = new();

    public int Waiters { get; set; } = 1;

    public bool Completed { get; set; }

    public Task<LoadResult<TValue>> Task => _completion.Task;

    public CancellationToken Token => _cancellation.Token;

    public void Cancel() => _cancellation.Cancel();

    public void Succeed(LoadResult<TValue> result) => _completion.TrySetResult(result);

    public void Fail(Exception error)
    {
        if (error is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}
