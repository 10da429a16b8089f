namespace LruAspire.Caching.Policies;

/// <summary>
/// Hill climbing on the admission window's size (Caffeine's adaptive W-TinyLFU, after Einziger, Eytan, Friedman
/// and Manes, "Adaptive Software Cache Management", Middleware 2018): sample the hit rate over a period, move the
/// window by a step, keep the direction while the hit rate improves and reverse it when it falls, and shrink the
/// step as the climb settles (restarting it when the workload visibly changes).
/// </summary>
internal sealed class WindowClimber
{
    private const double StepShare = 0.0625;
    private const double RestartThreshold = 0.05;
    private const double StepDecay = 0.98;

    private readonly int _sampleSize;
    private readonly int _capacity;
    private int _hits;
    private int _misses;
    private double _previousHitRate;
    private double _step;

    public WindowClimber(int capacity)
    {
        _capacity = capacity;
        _sampleSize = 10 * capacity;
        _step = -StepShare * capacity;
    }

    public void RecordHit() => _hits++;

    /// <summary>Counts a miss; when that completes a sample, returns the entries to add to the window (negative: to take away).</summary>
    public int RecordMiss()
    {
        _misses++;
        var requests = _hits + _misses;
        if (requests < _sampleSize)
        {
            return 0;
        }

        var hitRate = (double)_hits / requests;
        var change = hitRate - _previousHitRate;
        var amount = change >= 0 ? _step : -_step;
        _step = Math.Abs(change) >= RestartThreshold
            ? StepShare * _capacity * Math.Sign(amount)
            : StepDecay * amount;
        _previousHitRate = hitRate;
        _hits = 0;
        _misses = 0;
        return (int)amount;
    }
}
