using System.Diagnostics;

namespace LruAspire.AppHost.Postgres;

/// <summary>Runs short helper commands (initdb, chown, docker info) and reports how they ended.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time.");
        }
        return new Result(process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Runs a command and throws with its output when it fails.</summary>
    public static async Task RunCheckedAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(fileName, arguments, standardInput, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new DistributedApplicationException(
                $"'{fileName} {string.Join(' ', arguments)}' exited with {result.ExitCode}: {result.Output.Trim()}");
        }
    }
}
