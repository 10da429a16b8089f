using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace LruAspire.FunctionalTests.Faults;

internal enum RequestKind
{
    /// <summary>A read of a key the replica has cached.</summary>
    Hit,

    /// <summary>A read of a key read for the first time, so it has to reach PostgreSQL.</summary>
    Miss,

    /// <summary>A PUT of a key written only once, with the value <c>w-{key}</c>.</summary>
    Write,
}

/// <summary>One request and what its client saw. <see cref="Status"/> is 0 when no response came (connection lost).</summary>
internal sealed record Sample(RequestKind Kind, string Target, long Key, TimeSpan At, TimeSpan Latency, int Status, bool ProblemJson, double RetryAfterSeconds)
{
    public TimeSpan Done => At + Latency;

    public static string ValueOf(long key) => $"w-{key}";
}

/// <summary>Request loops against API replicas that record every outcome on one clock.</summary>
internal sealed class Traffic(Stopwatch clock, string writeKey)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public ConcurrentQueue<Sample> Samples { get; } = new();

    /// <summary>
    /// Starts, on every replica, one loop of hits rotating over <paramref name="hotKeys"/>, <paramref name="missLoops"/>
    /// loops of misses on fresh keys and <paramref name="writeLoops"/> loops of writes; they run until cancelled.
    /// </summary>
    public List<Task> RunOnEach(
        IEnumerable<ApiReplica> replicas, long[] hotKeys, int missLoops, Func<long> nextColdKey, int writeLoops, Func<long> nextWriteKey,
        CancellationToken cancellationToken)
    {
        var hot = 0;
        return [.. replicas.SelectMany(replica => Enumerable.Empty<Task>()
            .Append(RunAsync(replica, RequestKind.Hit, () => hotKeys[Interlocked.Increment(ref hot) % hotKeys.Length], cancellationToken))
            .Concat(Enumerable.Range(0, missLoops).Select(_ => RunAsync(replica, RequestKind.Miss, nextColdKey, cancellationToken)))
            .Concat(Enumerable.Range(0, writeLoops).Select(_ => RunAsync(replica, RequestKind.Write, nextWriteKey, cancellationToken)))
            .ToList())];
    }

    /// <summary>Sends <paramref name="kind"/> requests to <paramref name="replica"/>, one at a time, until cancelled.</summary>
    /// <summary>Reads every key on every replica, so they are cached there before a fault; each must answer 200.</summary>
    public static async Task WarmAsync(IEnumerable<ApiReplica> replicas, IEnumerable<long> keys)
    {
        foreach (var replica in replicas)
        {
            foreach (var key in keys)
            {
                Assert.Equal(HttpStatusCode.OK, (await replica.ReadAsync(key)).Status);
            }
        }
    }

    public Task RunAsync(ApiReplica replica, RequestKind kind, Func<long> nextKey, CancellationToken cancellationToken) =>
        RunAsync(replica.ResourceId, replica.Client, kind, nextKey, cancellationToken);

    /// <summary>Sends <paramref name="kind"/> requests through <paramref name="client"/>, one at a time, until cancelled.</summary>
    public async Task RunAsync(string target, HttpClient client, RequestKind kind, Func<long> nextKey, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = nextKey();
            var sent = clock.Elapsed;
            try
            {
                using var request = kind == RequestKind.Write
                    ? new HttpRequestMessage(HttpMethod.Put, $"/data/{key}") { Content = JsonContent.Create(new { value = Sample.ValueOf(key) }), Headers = { { "X-Api-Key", writeKey } } }
                    : new HttpRequestMessage(HttpMethod.Get, $"/data/{key}");
                // Not cancelled with the loop: a request in flight is allowed to finish, so its outcome is known.
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Samples.Enqueue(new Sample(kind, target, key, sent, clock.Elapsed - sent, (int)response.StatusCode,
                    response.Content.Headers.ContentType?.MediaType == "application/problem+json" && !body.Contains(" at ", StringComparison.Ordinal),
                    response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0));
            }
            catch (HttpRequestException)
            {
                Samples.Enqueue(new Sample(kind, target, key, sent, clock.Elapsed - sent, 0, false, 0));
            }
            try
            {
                await Task.Delay(Pause, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Every write's key and reported status, checked against the table by the caller.</summary>
    public IEnumerable<Sample> Writes => Samples.Where(s => s.Kind == RequestKind.Write);
}
