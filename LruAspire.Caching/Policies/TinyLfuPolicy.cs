using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Policies;

/// <summary>
/// W-TinyLFU (Einziger, Friedman and Manes, "TinyLFU: A Highly Efficient Cache Admission Policy", ACM ToS 2017;
/// the design of Caffeine and BitFaster's <c>ConcurrentLfu</c>): a small LRU admission <em>window</em> in front of
/// a <em>main</em> space kept as a segmented LRU (probation + protected), with a frequency sketch deciding which
/// entries may enter main.
/// </summary>
/// <remarks>
/// <para>
/// <b>Flow.</b> A new entry enters the window. The window's least recently used entry, when the window is over
/// its share, moves to probation as a <em>candidate</em>. When the cache is over capacity the candidate duels
/// probation's least recently used entry (the <em>victim</em>): the one the sketch has seen less often is evicted
/// (<see cref="Admit"/>). A hit in probation promotes the entry to protected; protected's overflow is demoted
/// back to probation. So one-time keys (a scan) pass through the window and die there, and keys with history
/// survive in main.
/// </para>
/// <para>
/// <b>Adaptation.</b> The window's share starts at 1 % of the capacity and is chosen by <see cref="WindowSimulations"/>,
/// so a recency-heavy workload gets a large window (up to 90 %, where the policy is within a hair of LRU) and a
/// frequency-heavy one a small window.
/// </para>
/// </remarks>
internal sealed partial class TinyLfuPolicy<TKey, TValue> : EvictionPolicy<TKey, TValue>
{
    /// <summary>
    /// A candidate at least this warm is admitted against a hotter victim with probability 1/128 (Caffeine's
    /// defence against hash flooding: an attacker who makes a victim look hot cannot pin the cache forever).
    /// </summary>
    private const int WarmCandidate = 6;

    private readonly AccessOrderList<TKey, TValue> _window = new(NodeQueue.Window);
    private readonly AccessOrderList<TKey, TValue> _probation = new(NodeQueue.Probation);
    private readonly AccessOrderList<TKey, TValue> _protected = new(NodeQueue.Protected);
    private readonly FrequencySketch _sketch;
    private readonly WindowSimulations _simulations;
    private readonly DeferredSimulations? _deferredSimulations;
    private readonly int _capacity;
    private int _windowMaximum;
    private int _protectedMaximum;
    private CacheNode<TKey, TValue>? _candidate;
    private uint _random = (uint)Random.Shared.Next() | 1;

    /// <summary>The live policy: its own sketch, a 1 % window to start with, adapted by <see cref="WindowSimulations"/>.</summary>
    /// <param name="capacity">The cache's capacity in entries.</param>
    /// <param name="deferSimulations">Whether the simulations replay on the thread pool (<see cref="DeferredSimulations"/>) rather than on the writer.</param>
    public TinyLfuPolicy(int capacity, bool deferSimulations = false)
    {
        _capacity = capacity;
        _sketch = new FrequencySketch(capacity);
        _simulations = new WindowSimulations(capacity, InitialWindowShare);
        _deferredSimulations = deferSimulations ? new DeferredSimulations(_simulations) : null;
        SetWindowMaximum(InitialWindowShare);
    }

    public override int Count => _window.Count + _probation.Count + _protected.Count;

    /// <remarks>
    /// The window's overflow becomes the candidate, at probation's head. In a full cache it duels at once and, being
    /// new, most often loses: moving it into probation only to unlink it again was two relinks (GC write barriers) of
    /// every miss and insert. So it waits at the window's tail: <see cref="SelectVictim"/> duels it from there, and every
    /// other operation first moves it to probation (<see cref="SettleOverflow"/>), so each decision is the one it was.
    /// </remarks>
    public override void Add(CacheNode<TKey, TValue> node)
    {
        SettleOverflow();
        Observe(node.Hash);
        _window.AddFirst(node);
        _candidate = null;
        // At most one over: the window was within its bound after Observe, which may have shrunk it.
        _overflowPending = _window.Count > _windowMaximum;
    }

    public override void Replace(CacheNode<TKey, TValue> node, CacheNode<TKey, TValue> replacement)
    {
        SettleOverflow();
        _candidate = null;
        ListOf(node.Queue).Replace(node, replacement);
        Observe(replacement.Hash);
        Promote(replacement);
    }

    public override void RecordAccess(CacheNode<TKey, TValue> node)
    {
        SettleOverflow();
        Observe(node.Hash);
        if (ReferenceEquals(node, _candidate))
        {
            // A used entry is no longer a newcomer on trial: left pending, it would duel from protected at the next
            // eviction if no add came first (the cache always adds first today; the policy does not count on it).
            _candidate = NextCandidate(node);
        }
        Promote(node);
    }

    public override void Remove(CacheNode<TKey, TValue> node)
    {
        if (_overflowPending && ReferenceEquals(node, _window.Tail))
        {
            // The waiting overflow (the candidate it would have been leaves probation's head: no candidate follows it).
            _overflowPending = false;
            _window.Remove(node);
            return;
        }
        SettleOverflow();
        if (ReferenceEquals(node, _candidate))
        {
            _candidate = NextCandidate(node);
        }
        ListOf(node.Queue).Remove(node);
    }

    /// <summary>
    /// The loser of the duel between the oldest pending candidate and probation's least recently used entry; with
    /// no candidate, the least recently used entry of probation, then protected, then the window.
    /// </summary>
    public override CacheNode<TKey, TValue> SelectVictim()
    {
        if (_overflowPending)
        {
            return DuelPendingOverflow();
        }
        var victim = _probation.Tail ?? _protected.Tail ?? _window.Tail!;
        var candidate = _candidate;
        if (candidate is null || ReferenceEquals(candidate, victim))
        {
            return victim;
        }
        if (Admit(candidate, victim))
        {
            // The candidate stays in probation as an ordinary entry; the next candidate (if any) duels next time.
            _candidate = NextCandidate(candidate);
            return victim;
        }
        return candidate;
    }

    public override void Clear()
    {
        _window.Clear();
        _probation.Clear();
        _protected.Clear();
        _candidate = null;
        _overflowPending = false;
    }

    /// <summary>Window, then probation, then protected, each from most to least recently used (a waiting overflow moved first).</summary>
    public override IEnumerable<CacheNode<TKey, TValue>> Nodes()
    {
        SettleOverflow();
        return _window.EnumerateFromHead().Concat(_probation.EnumerateFromHead()).Concat(_protected.EnumerateFromHead());
    }

    public override void AssertIntegrity()
    {
        SettleOverflow();
        foreach (var list in (ReadOnlySpan<AccessOrderList<TKey, TValue>>)[_window, _probation, _protected])
        {
            if (list.EnumerateFromHead().Count() != list.Count || list.EnumerateFromHead().Any(node => node.Queue != list.Queue))
            {
                throw new InvalidOperationException($"The {list.Queue} list's count or tags disagree with its nodes.");
            }
        }
        if (_windowMaximum < 0 || _windowMaximum > _capacity || _protectedMaximum < 0 || _protectedMaximum > _capacity - _windowMaximum)
        {
            throw new InvalidOperationException($"Segment bounds out of range: window {_windowMaximum}, protected {_protectedMaximum}, capacity {_capacity}.");
        }
        if (_window.Count > _windowMaximum || _protected.Count > _protectedMaximum)
        {
            throw new InvalidOperationException($"A segment is over its bound: window {_window.Count}/{_windowMaximum}, protected {_protected.Count}/{_protectedMaximum}.");
        }
        _sketch.AssertIntegrity();
    }

    /// <summary>A use: the entry moves up (probation → protected) or to its list's head.</summary>
    private void Promote(CacheNode<TKey, TValue> node)
    {
        switch (node.Queue)
        {
            case NodeQueue.Window:
                _window.MoveToFront(node);
                break;
            case NodeQueue.Probation when _protectedMaximum > 0:
                _probation.Remove(node);
                _protected.AddFirst(node);
                DemoteProtectedOverflow();
                break;
            case NodeQueue.Probation:
                _probation.MoveToFront(node);
                break;
            default:
                _protected.MoveToFront(node);
                break;
        }
    }

    private void DemoteProtectedOverflow()
    {
        while (_protected.Count > _protectedMaximum)
        {
            var demoted = _protected.Tail!;
            _protected.Remove(demoted);
            _probation.AddFirst(demoted);
        }
    }

    /// <summary>
    /// TinyLFU's admission test: the candidate enters main only if the sketch has seen it more often than the
    /// victim; a warm candidate also wins by a small chance, so a flood of colliding keys cannot freeze main.
    /// </summary>
    private bool Admit(CacheNode<TKey, TValue> candidate, CacheNode<TKey, TValue> victim)
    {
        var candidateFrequency = _sketch.Frequency(candidate.Hash);
        var victimFrequency = _sketch.Frequency(victim.Hash);
        if (candidateFrequency > victimFrequency)
        {
            return true;
        }
        // Only the live cache flips the coin: it is what an attacker floods (MiniatureTinyLfu says why its simulations do not).
        return candidateFrequency >= WarmCandidate && (NextRandom() & 127) == 0;
    }

    /// <summary>The candidate moved from the window after <paramref name="node"/> (nearer probation's head), if any.</summary>
    private CacheNode<TKey, TValue>? NextCandidate(CacheNode<TKey, TValue> node) => node.Queue == NodeQueue.Probation ? node.Previous : null;

    private AccessOrderList<TKey, TValue> ListOf(NodeQueue queue) => queue switch
    {
        NodeQueue.Window => _window,
        NodeQueue.Probation => _probation,
        _ => _protected,
    };

    /// <summary>Xorshift32: cheap, and seeded from a random source so an attacker cannot predict the coin.</summary>
    private uint NextRandom()
    {
        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        return _random;
    }
}
