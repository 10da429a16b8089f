using LruAspire.Caching.Concurrency;

namespace LruAspire.Caching.Tests.Concurrency;

/// <summary>
/// Stripe numbers go to live threads only: threads alive at once hold different numbers, and an exited thread's
/// number is handed out again, so thread-pool churn does not make live threads share stripes.
/// Not run in parallel with other tests: they take numbers too.
/// </summary>
[Collection(nameof(ThreadStripeTests))]
[CollectionDefinition(nameof(ThreadStripeTests), DisableParallelization = true)]
public class ThreadStripeTests
{
    [Fact]
    public void Threads_alive_at_the_same_time_hold_different_numbers()
    {
        var probes = new int[ThreadStripe.Count];
        using var allAssigned = new Barrier(probes.Length);
        var threads = Enumerable.Range(0, probes.Length).Select(i => new Thread(() =>
        {
            probes[i] = ThreadStripe.Probe();
            allAssigned.SignalAndWait(); // nobody exits before everyone holds a number
        })).ToArray();

        Array.ForEach(threads, thread => thread.Start());
        Array.ForEach(threads, thread => thread.Join());

        Assert.Equal(probes.Length, probes.Distinct().Count());
        // A drain visits stripes up to Highest only, so no thread may hold a number above it.
        Assert.True(ThreadStripe.Highest >= probes.Max(), $"Highest {ThreadStripe.Highest} is below a live thread's number {probes.Max()}.");
    }

    [Fact]
    public void An_exited_threads_number_is_handed_out_again()
    {
        var numbers = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var thread = new Thread(() => numbers.Add(ThreadStripe.Probe()));
            thread.Start();
            thread.Join();
            // The thread's lease is garbage now; its finalizer gives the number back.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Each thread took the smallest free number, which its predecessor had just given back: the numbers do
        // not grow with the threads created, as they would if numbers were never reused.
        Assert.Single(numbers.Skip(10).Distinct());
    }
}
