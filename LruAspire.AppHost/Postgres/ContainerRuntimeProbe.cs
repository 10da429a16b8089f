using Microsoft.Extensions.Configuration;

namespace LruAspire.AppHost.Postgres;

/// <summary>Asks the configured container runtime (docker by default, as Aspire does) whether its engine answers.</summary>
internal static class ContainerRuntimeProbe
{
    public static async Task<bool> IsAvailableAsync(IConfiguration configuration)
    {
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        try
        {
            // "info" needs the engine, unlike "--version", which only needs the client.
            var result = await ProcessRunner.RunAsync(runtime, ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(15));
            return result.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
    }
}
