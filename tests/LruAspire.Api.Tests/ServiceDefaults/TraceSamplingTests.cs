using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace LruAspire.Api.Tests.ServiceDefaults;

/// <summary>
/// The sampler <c>AddServiceDefaults</c> installs, exercised through a real tracer provider. Each test's host is
/// named uniquely and the provider listens to the source named after its application, so no other test's
/// provider or listener takes part in these sampling decisions.
/// </summary>
public sealed class TraceSamplingTests : IDisposable
{
    private readonly string _sourceName = $"TraceSamplingTests.{Guid.NewGuid():N}";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    [Fact]
    public void In_Development_every_new_trace_is_recorded()
    {
        var source = StartHost(Environments.Development);

        Assert.All(Enumerable.Range(0, 200), _ => Assert.True(StartRoot(source).Recorded));
    }

    [Fact]
    public void Elsewhere_a_tenth_of_new_traces_is_recorded_by_default()
    {
        var source = StartHost(Environments.Production);

        var recorded = Enumerable.Range(0, 4_000).Count(_ => StartRoot(source).Recorded);

        // Binomial(4000, 0.1): mean 400, standard deviation 19; the bounds are more than 5 deviations away.
        Assert.InRange(recorded, 300, 500);
    }

    [Fact]
    public void A_caller_that_did_not_sample_its_trace_is_followed_even_in_Development()
    {
        var source = StartHost(Environments.Development);

        using var child = source.StartActivity("request", ActivityKind.Server, RemoteParent(ActivityTraceFlags.None));

        Assert.NotNull(child); // created, so the trace context still propagates downstream
        Assert.False(child.Recorded);
    }

    [Fact]
    public void The_configured_ratio_applies_to_new_traces_and_a_sampled_caller_is_still_followed()
    {
        var source = StartHost(Environments.Development, (TraceSampling.SampleRatioKey, "0"));

        Assert.All(Enumerable.Range(0, 200), _ => Assert.False(StartRoot(source).Recorded));
        using var withSampledCaller = source.StartActivity("request", ActivityKind.Server, RemoteParent(ActivityTraceFlags.Recorded));
        Assert.True(withSampledCaller!.Recorded);
    }

    [Fact]
    public void A_ratio_outside_0_to_1_fails_at_startup_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StartHost(Environments.Production, (TraceSampling.SampleRatioKey, "1.5")));

        Assert.Contains(TraceSampling.SampleRatioKey, error.Message);
    }

    private ActivitySource StartHost(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ApplicationName = _sourceName,
            DisableDefaults = true,
        });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddServiceDefaults();
        var host = builder.Build();
        _disposables.Add(host);
        _ = host.Services.GetRequiredService<TracerProvider>(); // building it registers its activity listener
        var source = new ActivitySource(_sourceName);
        _disposables.Add(source);
        return source;
    }

    private Activity StartRoot(ActivitySource source)
    {
        var activity = source.StartActivity("request", ActivityKind.Server, parentContext: default)
            ?? throw new InvalidOperationException("The tracer provider did not create the activity.");
        activity.Stop();
        _disposables.Add(activity);
        return activity;
    }

    private static ActivityContext RemoteParent(ActivityTraceFlags flags) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true);
}
