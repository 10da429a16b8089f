using LruAspire.Api.Tests.Store;
using LruAspire.Api.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LruAspire.Api.Tests;

/// <summary>
/// The API exactly as <c>Program.cs</c> composes it (routing, filters, ProblemDetails, JSON, the cache), on an
/// in-process test server, with one substitution: an in-memory item store instead of PostgreSQL. The schema
/// initializer is not started and the connection string points nowhere, so nothing here needs a database.
/// </summary>
internal sealed class ApiFactory(string? writeKey, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string WriteKey = "test-write-key-0123456789";
    public const int MaxValueBytes = 64;

    public InMemoryItemStore Store { get; } = new InMemoryItemStore().With(1, "value-1");

    public HttpClient Client => field ??= CreateClient();

    /// <param name="writeKey">The configured <c>Api:WriteKey</c>; null leaves writes disabled.</param>
    /// <param name="configure">More host settings, e.g. logging to a collector.</param>
    public static ApiFactory Start(string? writeKey = WriteKey, Action<IWebHostBuilder>? configure = null)
    {
        var factory = new ApiFactory(writeKey, configure);
        _ = factory.Client; // builds and starts the host
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:lrudb", "Host=127.0.0.1;Port=1;Database=unused;Username=unused;Password=unused");
        builder.UseSetting("Api:MaxValueBytes", MaxValueBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Api:WriteKey", writeKey);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IItemStore>();
            services.AddSingleton<IItemStore>(Store);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ItemSchema)));
        });
        configure?.Invoke(builder);
    }
}
