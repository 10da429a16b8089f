namespace LruAspire.LoadGen.Scenarios;

/// <summary>The optional request-count bound of a phase, shared by all its users.</summary>
public sealed class RequestBudget(long limit)
{
    private long _remaining = limit;

    public bool IsLimited { get; } = limit > 0;

    /// <summary>Claims one request; false once the budget is spent (never false when unlimited).</summary>
    public bool TryTake() => !IsLimited || Interlocked.Decrement(ref _remaining) >= 0;
}
