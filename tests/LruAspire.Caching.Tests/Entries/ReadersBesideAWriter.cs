namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// The harness of the map's lock-free stress tests: one writer and two readers on dedicated threads for a while,
/// counting the lookups that went wrong. Dedicated threads, because readers spinning on pool threads would starve
/// a pooled writer on a small machine.
/// </summary>
internal static class ReadersBesideAWriter
{
    /// <param name="duration">How long the threads run.</param>
    /// <param name="write">The writer's loop; it returns when the token is cancelled.</param>
    /// <param name="lookUp">One reader's lookup; <see langword="false"/> when it went wrong.</param>
    /// <returns>The lookups that went wrong, of all the readers' lookups.</returns>
    public static async Task<(long Failures, long Lookups)> RunAsync(TimeSpan duration, Action<CancellationToken> write, Func<Random, bool> lookUp)
    {
        using var stop = new CancellationTokenSource(duration);
        var failures = 0L;
        var lookups = 0L;
        var writer = Task.Factory.StartNew(() => write(stop.Token), TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(seed => Task.Factory.StartNew(() =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                if (!lookUp(random))
                {
                    Interlocked.Increment(ref failures);
                }
                Interlocked.Increment(ref lookups);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromSeconds(30));
        return (failures, lookups);
    }
}
