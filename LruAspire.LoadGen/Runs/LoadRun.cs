namespace LruAspire.LoadGen.Runs;

/// <summary>One run, started at process start or by the control endpoint. Its state is read by the control API while it runs.</summary>
public sealed class LoadRun(int id, string scenario, string profile, bool background, DateTimeOffset startedAt)
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id { get; } = id;

    public string Scenario { get; } = scenario;

    public string Profile { get; } = profile;

    /// <summary>The startup run: it yields to any run requested on demand.</summary>
    public bool Background { get; } = background;

    public DateTimeOffset StartedAt { get; } = startedAt;

    // Volatile: the control API reads the state from other threads, and must see the summary once it sees Completed.
    private volatile RunState _state = RunState.Running;

    public RunState State => _state;

    public RunSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public string? ResultFile { get; private set; }

    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Completes when the run has finished, whatever the outcome.</summary>
    public Task Finished => _finished.Task;

    public void Cancel() => _cancellation.Cancel();

    public RunStatus ToStatus() => new(Id, Scenario, Profile, State, StartedAt, Summary, ResultFile, Error);

    internal void Complete(RunSummary summary, string? resultFile) => Finish(RunState.Completed, summary, resultFile, null);

    internal void Fail(RunState state, string? error) => Finish(state, null, null, error);

    private void Finish(RunState state, RunSummary? summary, string? resultFile, string? error)
    {
        Summary = summary;
        ResultFile = resultFile;
        Error = error;
        _state = state;
        _finished.TrySetResult();
    }
}

/// <summary>What the control endpoint returns about a run.</summary>
public sealed record RunStatus(
    int Id,
    string Scenario,
    string Profile,
    RunState State,
    DateTimeOffset StartedAt,
    RunSummary? Summary,
    string? ResultFile,
    string? Error);
