using System.Collections.Concurrent;
using System.Net.Sockets;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// A loopback TCP forwarder that can black-hole its connections: stop forwarding in both directions without
/// closing either side. To both ends that is a half-open connection (a NAT or proxy timeout, a failover): the
/// socket stays open and nothing arrives, and only an application-level probe can tell.
/// </summary>
internal sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<(string Host, int Port)> _upstream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Task _accepting;
    private volatile bool _blackHoled;

    public TcpFaultProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Where connections go. Connections accepted before it is known wait for it.</summary>
    public void ForwardTo(string host, int port) => _upstream.TrySetResult((host, port));

    /// <summary>
    /// Silences every open connection for good, and every connection accepted from now on until
    /// <see cref="Heal"/>: bytes from either side are read and dropped.
    /// </summary>
    public void BlackHole()
    {
        _blackHoled = true;
        foreach (var link in _links.Keys)
        {
            link.Dead = true;
        }
    }

    /// <summary>New connections are forwarded again; the silenced ones stay silent, like flows a NAT has forgotten.</summary>
    public void Heal() => _blackHoled = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links.Keys)
        {
            link.Close();
        }
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(new Link(client) { Dead = _blackHoled });
        }
    }

    private async Task ServeAsync(Link link)
    {
        _links[link] = 0;
        try
        {
            if (!link.Dead)
            {
                var (host, port) = await _upstream.Task.WaitAsync(_stop.Token);
                await link.Server.ConnectAsync(host, port, _stop.Token);
            }
            // Each direction ends when its sender closes; either end closing ends the link.
            await Task.WhenAny(
                PumpAsync(link.Client, link.Server.Connected ? link.Server : null, link),
                link.Server.Connected ? PumpAsync(link.Server, link.Client, link) : Task.Delay(Timeout.Infinite, _stop.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The proxy is stopping, or an end went away.
        }
        finally
        {
            link.Close();
            _links.TryRemove(link, out _);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient? to, Link link)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        while (true)
        {
            var read = await source.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }
            if (!link.Dead && to is not null)
            {
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
    }

    private sealed class Link(TcpClient client)
    {
        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = new();

        public volatile bool Dead;

        public void Close()
        {
            Client.Dispose();
            Server.Dispose();
        }
    }
}
