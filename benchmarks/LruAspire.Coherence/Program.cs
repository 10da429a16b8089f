// Staleness between API replicas: write through replica A, then read through replica B until it serves the new
// value, many times; print how long B kept serving the old one. B has the key cached before each write, so the
// number measured is the invalidation path (commit → NOTIFY → B's listener → eviction), not a cold read.
//
// Usage: dotnet run -c Release --project benchmarks/LruAspire.Coherence -- <replica-A-url> <replica-B-url> [trials]
// The write key comes from the environment variable Api__WriteKey, as for the API itself.
using System.Diagnostics;
using System.Net.Http.Json;
using LruAspire.Coherence;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LruAspire.Coherence <replica-A-url> <replica-B-url> [trials]");
    return 2;
}
var writeKey = Environment.GetEnvironmentVariable("Api__WriteKey")
    ?? throw new InvalidOperationException("Set Api__WriteKey to the API's write key.");
var trials = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
// A trial that takes longer than this counts as a failure: B never caught up.
var giveUp = TimeSpan.FromSeconds(2);
// A pause between B's reads, so the measuring loop does not itself starve B's listener of CPU on a small
// machine; it bounds the resolution at about one pause plus one request.
var pollInterval = TimeSpan.FromMilliseconds(1);
const long FirstKey = 9_000_001;
const int KeyCount = 100;

using var a = new HttpClient { BaseAddress = new Uri(args[0]) };
using var b = new HttpClient { BaseAddress = new Uri(args[1]) };
a.DefaultRequestHeaders.Add("X-Api-Key", writeKey);

var window = new List<double>(trials);
var untilServed = new List<double>(trials);
var staleReads = 0;
var failures = 0;
for (var trial = 0; trial < trials; trial++)
{
    var key = FirstKey + trial % KeyCount;
    var value = $"trial-{trial}-{Guid.NewGuid():N}";
    await Replica.PrimeAsync(b, key);

    using (var put = await a.PutAsync($"/data/{key}", JsonContent.Create(new { value })))
    {
        put.EnsureSuccessStatusCode();
    }
    var acknowledged = Stopwatch.GetTimestamp();

    long readStarted;
    while (true)
    {
        readStarted = Stopwatch.GetTimestamp();
        if (await Replica.ReadValueAsync(b, key) == value)
        {
            break;
        }
        staleReads++;
        if (Stopwatch.GetElapsedTime(acknowledged) > giveUp)
        {
            failures++;
            break;
        }
        await Task.Delay(pollInterval);
    }
    // The stale window: a read sent to B this long after A acknowledged the write got the new value. The
    // read's own latency is left out of it, but reported separately as the time until B served the value.
    window.Add(Stopwatch.GetElapsedTime(acknowledged, readStarted).TotalMilliseconds);
    untilServed.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
}

Console.WriteLine($"trials: {trials}, failures (B stale > {giveUp.TotalSeconds} s): {failures}, stale reads from B: {staleReads}");
Console.WriteLine(Percentiles.Format("stale window: ack on A -> first read sent to B that got the new value (ms)", window));
Console.WriteLine(Percentiles.Format("ack on A -> B's response with the new value received (ms)", untilServed));
return failures == 0 ? 0 : 1;
