namespace LruAspire.LoadGen.Scenarios;

/// <summary>One kind of traffic the generator can send (<see cref="ScenarioNames"/>).</summary>
public interface ILoadScenario
{
    string Name { get; }

    /// <summary>The profile used when a run does not name one.</summary>
    string DefaultProfile { get; }

    Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken);
}
