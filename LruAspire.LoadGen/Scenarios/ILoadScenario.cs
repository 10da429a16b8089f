namespace LruAspire.LoadGen.Scenarios;

/// <summary>One kind of traffic the generator can send: the implementation of one <see cref="ScenarioCatalog"/> entry.</summary>
public interface ILoadScenario
{
    /// <summary>The catalog entry this scenario implements (its name and default profile).</summary>
    ScenarioDescription Description { get; }

    /// <summary>Runs the scenario's phases against the API; throws <see cref="OperationCanceledException"/> when canceled.</summary>
    Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken);
}
