using LruAspire.Api.Cache;
using Npgsql;

namespace LruAspire.Api.Tests.Cache;

public class ItemInvalidationOptionsTests
{
    private const string Database = "Host=db.internal;Port=5432;Username=app;Password=secret;Database=lrudb";

    [Fact]
    public void The_listener_gets_its_own_unpooled_connection_with_a_one_second_keepalive()
    {
        var listener = new NpgsqlConnectionStringBuilder(new ItemInvalidationOptions().ListenerConnectionString(Database));

        Assert.Equal(("db.internal", 5432, "app", "secret", "lrudb"), (listener.Host, listener.Port, listener.Username, listener.Password, listener.Database));
        Assert.Equal(ItemInvalidationListener.ApplicationName, listener.ApplicationName);
        Assert.False(listener.Pooling);
        Assert.Equal(1, listener.KeepAlive);
        Assert.InRange(listener.Timeout, 1, 5);
    }

    [Fact]
    public void Host_and_port_move_only_the_listener()
    {
        var options = new ItemInvalidationOptions { Host = "127.0.0.1", Port = 6432 };

        var listener = new NpgsqlConnectionStringBuilder(options.ListenerConnectionString(Database));

        Assert.Equal(("127.0.0.1", 6432, "app", "lrudb"), (listener.Host, listener.Port, listener.Username, listener.Database));
    }
}
