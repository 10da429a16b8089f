using System.Diagnostics.Metrics;
using LruAspire.LoadGen.Apis;
using LruAspire.LoadGen.CacheApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using LruAspire.LoadGen.Runs;
using LruAspire.LoadGen.Scenarios;
using LruAspire.LoadGen.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Tests;

public sealed class LoadRunCoordinatorTests : IAsyncLifetime
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "lruaspire-loadgen-tests", Guid.NewGuid().ToString("N"));
    private CountingApi _api = null!;
    private HttpClient _http = null!;
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private ServiceProvider _services = null!;
    private LoadRunCoordinator _coordinator = null!;

    public async Task InitializeAsync()
    {
        _api = await CountingApi.StartAsync();
        _http = new HttpClient { BaseAddress = _api.BaseAddress };
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new LoadOptions
        {
            ResultsDirectory = _results,
            Profiles =
            {
                ["long"] = new LoadProfile { Users = 1, Duration = TimeSpan.FromMinutes(5), ThinkTimeMin = TimeSpan.FromMilliseconds(50), ThinkTimeMax = TimeSpan.FromMilliseconds(50), KeySpace = 100 },
                ["short"] = new LoadProfile { Users = 2, SpawnRate = 100, Requests = 20, KeySpace = 100 },
            },
        });
        var apiClient = new ApiClient(_http, options);
        var pool = new UserPool(apiClient, new LoadGenMeter(_services.GetRequiredService<IMeterFactory>()), options, NullLogger<UserPool>.Instance);
        _coordinator = new LoadRunCoordinator(
            [new ReadHotScenario(pool)], apiClient, new RunResultWriter(options, new HostingEnvironment { ContentRootPath = _results }),
            options, TimeProvider.System, _lifetime, NullLogger<LoadRunCoordinator>.Instance);
    }

    public async Task DisposeAsync()
    {
        // Stopping the process cancels every run and keeps the background run from being resumed.
        _lifetime.StopApplication();
        foreach (var run in _coordinator.Runs)
        {
            await run.Finished;
        }
        _http.Dispose();
        await _services.DisposeAsync();
        await _api.DisposeAsync();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Fact]
    public void The_control_endpoint_answers_a_second_on_demand_run_with_a_409_problem()
    {
        _coordinator.Start("read-hot", "long");

        var result = ControlApi.StartRun("read-hot", "short", _coordinator);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.ContentType);
    }

    [Theory]
    [InlineData("read-warm", "short", "Unknown scenario 'read-warm'")]
    [InlineData("read-hot", "huge", "Unknown profile 'huge'")]
    public void Unknown_names_are_refused(string scenario, string profile, string error)
    {
        var result = _coordinator.Start(scenario, profile);

        Assert.Null(result.Run);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_on_demand_run_replaces_the_background_run_and_writes_its_summary()
    {
        var background = _coordinator.Start("read-hot", "long", background: true).Run!;

        var run = _coordinator.Start("read-hot", "short").Run!;
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunState.Canceled, background.State);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(20, run.Summary!.Phases.Single().Requests);
        Assert.True(File.Exists(run.ResultFile));
        Assert.Contains("\"requests\": 20", await File.ReadAllTextAsync(run.ResultFile!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_on_demand_run_is_refused_while_one_is_going()
    {
        var first = _coordinator.Start("read-hot", "long").Run!;

        var second = _coordinator.Start("read-hot", "short");

        Assert.Null(second.Run);
        Assert.Same(first, second.BusyWith);
        Assert.Same(first, _coordinator.CancelCurrent());
        await first.Finished.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(RunState.Canceled, first.State);
    }

    [Fact]
    public async Task The_background_run_resumes_when_an_on_demand_run_completes()
    {
        var background = _coordinator.Start("read-hot", "long", background: true).Run!;

        var run = _coordinator.Start("read-hot", "short").Run!;
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(30));
        var resumed = await WaitForRunAfterAsync(run);

        Assert.Equal(RunState.Completed, run.State);
        Assert.NotSame(background, resumed);
        Assert.True(resumed.Background);
        Assert.Equal(("read-hot", "long"), (resumed.Scenario, resumed.Profile));
        Assert.Equal(RunState.Running, resumed.State);
    }

    [Fact]
    public async Task The_background_run_resumes_when_an_on_demand_run_is_stopped()
    {
        _coordinator.Start("read-hot", "long", background: true);
        var run = _coordinator.Start("read-hot", "long").Run!;

        Assert.Same(run, _coordinator.CancelCurrent());
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(30));
        var resumed = await WaitForRunAfterAsync(run);

        Assert.Equal(RunState.Canceled, run.State);
        Assert.True(resumed.Background);
        Assert.Equal(RunState.Running, resumed.State);
    }

    /// <summary>The run started after <paramref name="run"/> ended; the coordinator starts it right after marking the end.</summary>
    private async Task<LoadRun> WaitForRunAfterAsync(LoadRun run)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (_coordinator.Runs.FirstOrDefault(r => r.Id > run.Id) is { } next)
            {
                return next;
            }
            await Task.Delay(10, timeout.Token);
        }
    }
}
