namespace LruAspire.Benchmarks.Workloads;

/// <summary>Runs a benchmark body on 1 or more threads, the same way for every multi-threaded benchmark.</summary>
public static class OnThreads
{
    /// <summary>
    /// Calls <paramref name="body"/> with 0..<paramref name="threads"/> − 1, each on its own thread; with one
    /// thread, on the caller, so the 1-thread baseline pays no <see cref="Parallel"/> overhead.
    /// </summary>
    public static void Run(int threads, Action<int> body)
    {
        if (threads == 1)
        {
            body(0);
            return;
        }
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
