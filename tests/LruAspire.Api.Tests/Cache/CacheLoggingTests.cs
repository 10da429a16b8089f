using LruAspire.Api.Tests.Store;
using LruAspire.Api.Cache;
using LruAspire.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Tests.Cache;

public class CacheLoggingTests
{
    private readonly InMemoryItemStore _store = new InMemoryItemStore().With(1, "one");
    private readonly LruCache<long, CachedItem> _cache = new(new LruCacheOptions { Capacity = 10 }, TimeProvider.System, CachedItem.SizeOf);

    [Fact]
    public async Task Miss_fetch_and_hit_are_structured_debug_logs_with_the_key_as_a_field()
    {
        var logger = new FakeLogger<CacheService>();
        var service = new CacheService(_cache, _store, logger);

        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        var records = logger.Collector.GetSnapshot();
        Assert.Equal(["CACHE MISS 1", "DB FETCH 1", "CACHE HIT 1"], records.Select(r => r.Message));
        Assert.All(records, r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.All(records, r => Assert.Equal("1", r.GetStructuredStateValue("Key")));
    }

    [Fact]
    public async Task With_debug_off_the_per_request_logs_are_skipped_before_any_formatting()
    {
        var logger = new InformationLogger<CacheService>();
        var service = new CacheService(_cache, _store, logger);

        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        // The source-generated methods ask IsEnabled first and return; Log (which would box the key and
        // build the state) is never reached.
        Assert.Equal(3, logger.IsEnabledCalls);
        Assert.Equal(0, logger.LogCalls);
    }

    /// <summary>A logger at the production default level (Information) that counts what reaches it.</summary>
    private sealed class InformationLogger<T> : ILogger<T>
    {
        public int IsEnabledCalls { get; private set; }

        public int LogCalls { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            IsEnabledCalls++;
            return logLevel >= LogLevel.Information;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            LogCalls++;
    }
}
