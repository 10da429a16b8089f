using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Keys;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>Reads with Zipf-distributed keys: a few hot keys take most requests, so most reads hit the cache.</summary>
public sealed class ReadHotScenario(UserPool pool) : ILoadScenario
{
    public ScenarioDescription Description => ScenarioCatalog.ReadHot;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var keys = new ZipfKeySampler(run.Profile.KeySpace, run.Profile.ZipfExponent);
        var plan = new PhasePlan(Description.Name, "read", run.Profile, random => new LoadRequest(RequestKind.Read, keys.Next(random)), run.Seed);
        var phase = await pool.RunAsync(plan, cancellationToken);
        return new ScenarioResult([phase], [$"Zipf keys over 1..{keys.KeySpace}, exponent {keys.Exponent}."]);
    }
}
