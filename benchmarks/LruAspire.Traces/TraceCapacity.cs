namespace LruAspire.Traces;

/// <summary>
/// A capacity (in entries) to replay a trace at, with the reference hit ratios that <c>../shared/traces/README.md</c>
/// lists there, in percent (0–100); <see langword="null"/> where it lists none.
/// </summary>
/// <param name="Capacity">The cache's entry bound.</param>
/// <param name="Lru">Strict LRU: published (ARC paper, BitFaster, Caffeine) or computed with <c>lru_sim.py</c>.</param>
/// <param name="WTinyLfu">
/// W-TinyLFU: BitFaster's ConcurrentLfu on OLTP (its pull requests #191/#196); Caffeine's adaptive W-TinyLFU on scarab-recs.
/// </param>
/// <param name="Min">Belady's offline optimum (MIN): the ARC paper, Caffeine, or <c>opt_sim.py</c>.</param>
public readonly record struct TraceCapacity(int Capacity, double? Lru = null, double? WTinyLfu = null, double? Min = null);
