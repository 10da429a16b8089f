using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LruAspire.Api.Tests.ServiceDefaults;

public sealed class ServiceInstanceTests
{
    [Fact]
    public void A_replica_started_by_Aspire_is_named_as_the_dashboard_names_it()
    {
        // What Aspire sets for a replica whose DCP name is api-xkwjhzpa.
        var name = InstanceName(("OTEL_SERVICE_NAME", "api"), ("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=xkwjhzpa"));

        Assert.Equal("api-xkwjhzpa", name);
    }

    [Fact]
    public void Without_an_instance_id_the_machine_and_process_name_the_instance()
    {
        var name = InstanceName(("OTEL_SERVICE_NAME", "api"));

        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", name);
    }

    private static string InstanceName(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddServiceDefaults();
        using var host = builder.Build();
        return host.Services.GetRequiredService<ServiceInstance>().Name;
    }
}
