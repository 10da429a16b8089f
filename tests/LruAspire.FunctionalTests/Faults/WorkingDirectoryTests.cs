using System.Diagnostics;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// The built API started the way a new user would, <c>dotnet path/to/LruAspire.Api.dll</c>, from a folder that is
/// not its own. It uses the fault app's database only so that it can start.
/// </summary>
[Collection(FaultAppCollection.Name)]
public class WorkingDirectoryTests(FaultAppFixture fixture)
{
    [Fact]
    public async Task The_api_started_from_another_folder_still_reads_its_own_appsettings_json()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var elsewhere = Directory.CreateTempSubdirectory("lruaspire-cwd-");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ApiAssemblyPath()])
        {
            WorkingDirectory = elsewhere.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__lrudb"] = fixture.DatabaseConnectionString,
            },
        };
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment.Remove("DOTNET_CONTENTROOT");
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilAnsweringAsync(api, process, timeout.Token);

            // appsettings.json caps the request line at 4 KiB (Kestrel's default is 8 KiB). Without it, a 5,000-digit
            // key would reach the route and be refused as an invalid key (400).
            using var response = await api.GetAsync("/data/" + new string('1', 5_000), timeout.Token);
            Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary>The API's build output next to this test's, in the same configuration (bin/Debug or bin/Release).</summary>
    private string ApiAssemblyPath()
    {
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        var project = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "api").GetProjectMetadata().ProjectPath;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", "LruAspire.Api.dll");
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    private static async Task WaitUntilAnsweringAsync(HttpClient api, Process process, CancellationToken cancellationToken)
    {
        while (true)
        {
            Assert.False(process.HasExited, $"the API exited with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var health = await api.GetAsync("/health", cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
