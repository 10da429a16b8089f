using System.Net;
using System.Net.Sockets;

namespace LruAspire.AppHost.Postgres;

internal static class FreePort
{
    /// <summary>A loopback TCP port that nothing listens on right now, chosen by the operating system.</summary>
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
