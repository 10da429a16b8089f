using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace LruAspire.FunctionalTests;

/// <summary>
/// A database made before items had versions: the API, started on it, adds the <c>version</c> column, gives every
/// existing row its own version, and serves them as entity tags, without reseeding. It runs the built API on the
/// app's PostgreSQL server, in a database of its own, so the shared <c>lrudb</c> is not touched.
/// </summary>
[Collection(LruAppCollection.Name)]
public class SchemaMigrationTests(LruAppFixture fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_items_table_without_versions_is_migrated_in_place_at_startup()
    {
        var database = $"legacy_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var legacyConnectionString = new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            await using (var legacy = new NpgsqlConnection(legacyConnectionString))
            {
                await legacy.OpenAsync();
                // The schema as it was before versions.
                await ExecuteAsync(legacy, """
                    CREATE TABLE items (key bigint PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
                    INSERT INTO items (key, value) VALUES (1, 'kept-1'), (2, 'kept-2'), (3, 'kept-3');
                    """);
            }

            using var api = await StartApiAsync(legacyConnectionString);
            using var first = await api.Client.GetAsync("/data/1");
            var versions = await QueryVersionsAsync(legacyConnectionString);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("kept-1", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
            Assert.Equal([1L, 2L, 3L], versions.Keys.Order());                   // not reseeded
            Assert.Equal(3, versions.Values.Distinct().Count());                  // a version per row
            Assert.Equal($"\"{versions[1]}\"", Assert.Single(first.Headers.GetValues("ETag")));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>Runs the API the AppHost runs (its build output) on <paramref name="connectionString"/>, on a free port.</summary>
    private static async Task<RunningApi> StartApiAsync(string connectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ApiAssemblyPath(), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__lrudb"] = connectionString,
                ["ItemStore__SeedRows"] = "10",
                ["OTEL_SDK_DISABLED"] = "true",
            },
        };
        var api = new RunningApi(Process.Start(start)!, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        api.Process.OutputDataReceived += (_, line) => api.Log.Enqueue(line.Data);
        api.Process.ErrorDataReceived += (_, line) => api.Log.Enqueue(line.Data);
        api.Process.BeginOutputReadLine();
        api.Process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !api.Process.HasExited)
        {
            try
            {
                // The schema is migrated by a hosted service that finishes before the server listens.
                using var alive = await api.Client.GetAsync("/alive");
                if (alive.IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        api.Dispose();
        throw new InvalidOperationException($"The API did not start:\n{string.Join('\n', api.Log)}");
    }

    // tests/LruAspire.FunctionalTests/bin/<Configuration>/<tfm>/ → LruAspire.Api/bin/<Configuration>/<tfm>/LruAspire.Api.dll
    private static string ApiAssemblyPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (!File.Exists(Path.Combine(root.FullName, "LruAspire.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException($"LruAspire.sln not found above {AppContext.BaseDirectory}.");
        }
        var path = Path.Combine(root.FullName, "LruAspire.Api", "bin", configuration, framework, "LruAspire.Api.dll");
        Assert.True(File.Exists(path), $"{path} not built");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Dictionary<long, long>> QueryVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key, version FROM items", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<long, long>();
        while (await reader.ReadAsync())
        {
            versions[reader.GetInt64(0)] = reader.GetInt64(1);
        }
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record RunningApi(Process Process, HttpClient Client) : IDisposable
    {
        public System.Collections.Concurrent.ConcurrentQueue<string?> Log { get; } = new();

        public void Dispose()
        {
            Client.Dispose();
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
            Process.Dispose();
        }
    }
}
