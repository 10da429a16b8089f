using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LruAspire.Api.Cache;
using Npgsql;

namespace LruAspire.Api.Tests.Cache;

public class DatabaseProbeTests
{
    [Fact]
    public async Task A_refused_connection_means_the_database_does_not_answer()
    {
        var port = FreePort();
        await using var probe = Probe(port);

        Assert.False(await probe.AnswersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_accepts_and_stays_silent_does_not_answer_and_the_probe_stops_waiting_at_its_deadline()
    {
        // A hung PostgreSQL (SIGSTOP): the kernel completes the TCP handshake, nothing ever replies.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var probe = Probe(((IPEndPoint)silent.LocalEndpoint).Port);

        var clock = Stopwatch.StartNew();
        Assert.False(await probe.AnswersAsync(CancellationToken.None));

        // Well before Npgsql's own connect timeout (15 s here) gives up.
        Assert.InRange(clock.Elapsed, DatabaseProbe.Deadline * 0.9, TimeSpan.FromSeconds(5));
    }

    private static DatabaseProbe Probe(int port) =>
        new(NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=u;Password=p;Database=d;Pooling=false;Timeout=15"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
