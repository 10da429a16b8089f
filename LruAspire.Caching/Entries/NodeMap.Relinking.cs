using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Entries;

// The sequence counter's two sides: the writer's relink of every chain (a resize, or the flood switch to the randomized
// string hash) with the counter odd, and the reader's retry when its lookup found nothing while the counter moved.
internal sealed partial class NodeMap<TKey, TValue>
{
    /// <summary>
    /// Relinks every node into <paramref name="length"/> buckets with the counter odd meanwhile: a resize, or a switch
    /// to the randomized string hash that recomputes every node's hash (<paramref name="rehash"/>).
    /// </summary>
    private void Relink(int length, bool rehash)
    {
        // Allocate first: if that throws, the counter must not stay odd (readers would wait for it forever).
        var buckets = NewBuckets(length);
        Interlocked.Increment(ref _resizes); // a full fence: readers see the counter odd before any link moves
        if (rehash)
        {
            _nonRandomizedStrings = false;
            _floodDetected = false;
        }
        foreach (var old in _buckets)
        {
            var node = old.Head;
            while (node is not null)
            {
                var next = node.NextInBucket;
                if (rehash)
                {
                    node.Rehash(Hash(node.Key));
                }
                ref var bucket = ref HeadOf(buckets, node.Hash);
                node.NextInBucket = bucket;
                bucket = node;
                node = next;
            }
        }
        Volatile.Write(ref _buckets, buckets);
        Interlocked.Increment(ref _resizes);
    }

    /// <summary>A lookup that found nothing while a resize moved chains: looks again once the counter stands still and even.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private CacheNode<TKey, TValue>? FindAfterResize(TKey key)
    {
        var spinner = new SpinWait();
        while (true)
        {
            var resizes = Volatile.Read(ref _resizes);
            if ((resizes & 1) == 0)
            {
                var node = FindIn(Volatile.Read(ref _buckets), Hash(key), key);
                Volatile.ReadBarrier(); // as in TryGetValue: the hashes read above, before the counter
                if (node is not null || resizes == Volatile.Read(ref _resizes))
                {
                    return node;
                }
            }
            spinner.SpinOnce();
        }
    }
}
