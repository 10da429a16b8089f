namespace LruAspire.Caching.Loading;

/// <summary>
/// The loads the current asynchronous flow is running, innermost first: an <see cref="AsyncLocal{T}"/> stack
/// pushed when a loader starts, so it flows into everything the loader awaits. A miss that would join a load
/// its own flow is running is a loader waiting for itself (directly, or through a cycle of keys or caches):
/// joining would deadlock, so the cache fails fast instead.
/// </summary>
/// <remarks>Read only on the miss path, when a load for the key is already registered; a hit never touches it.</remarks>
internal static class LoadFlow
{
    private static readonly AsyncLocal<Frame?> Current = new();

    /// <summary>Marks the rest of the calling async method (and what it awaits) as running <paramref name="load"/>.</summary>
    /// <remarks>Call it inside the async method that runs the loader: the change does not flow back to its caller.</remarks>
    public static void Enter(object load) => Current.Value = new Frame(load, Current.Value);

    public static bool IsRunning(object load)
    {
        for (var frame = Current.Value; frame is not null; frame = frame.Parent)
        {
            if (ReferenceEquals(frame.Load, load))
            {
                return true;
            }
        }
        return false;
    }

    private sealed record Frame(object Load, Frame? Parent);
}
