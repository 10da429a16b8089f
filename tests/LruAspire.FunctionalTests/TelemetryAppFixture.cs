using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LruAspire.FunctionalTests.Otlp;

namespace LruAspire.FunctionalTests;

/// <summary>
/// The AppHost with the API's OpenTelemetry exporter pointed at an in-test <see cref="OtlpReceiver"/> and no
/// load generator, so the cache counters hold exactly the scenario this fixture runs once: key 7 read three
/// times (miss, hit, hit). A second app rather than <see cref="LruAppFixture"/> because both differences
/// (the exporter's endpoint and the missing load) are fixed when the app starts.
/// </summary>
public sealed class TelemetryAppFixture : AppHostFixture
{
    public const long ScenarioKey = 7;

    public OtlpReceiver Receiver { get; private set; } = null!;

    /// <summary>The <c>X-Cache</c> header of each scenario request, in order.</summary>
    public IReadOnlyList<string> ScenarioOutcomes { get; private set; } = [];

    /// <summary>When the scenario's last response arrived; exports stamped later include all of it.</summary>
    public DateTimeOffset ScenarioDone { get; private set; }

    // One replica: with two, the idle replica's exports (all zeros) could be the ones the tests read.
    protected override IEnumerable<string> Arguments => ["Api:Replicas=1"];

    protected override async Task ConfigureAsync(IDistributedApplicationTestingBuilder builder)
    {
        Receiver = await OtlpReceiver.StartAsync();
        builder.Resources.Remove(builder.Resources.Single(r => r.Name == "loadgen"));
        // Runs after Aspire's own OTLP callback (added with the project), so these values win.
        builder.CreateResourceBuilder<ProjectResource>("api").WithEnvironment(context =>
        {
            context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint;
            context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "500";
            context.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
        });
    }

    protected override async Task OnStartedAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Api.GetAsync($"/data/{ScenarioKey}", cancellationToken);
            response.EnsureSuccessStatusCode();
            outcomes.Add(response.Headers.GetValues("X-Cache").Single());
        }
        ScenarioOutcomes = outcomes;
        ScenarioDone = DateTimeOffset.UtcNow;
    }

    protected override async ValueTask OnStoppedAsync()
    {
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryAppCollection : ICollectionFixture<TelemetryAppFixture>
{
    public const string Name = "LruAspire app exporting to an OTLP receiver";
}
