using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which instance (replica) of its service this process is, named as the Aspire dashboard names it:
/// <c>{service.name}-{service.instance.id}</c> from the OpenTelemetry resource (for example <c>api-xkwjhzpa</c>),
/// or <c>{machine name}:{process id}</c> when the resource has no instance id.
/// </summary>
/// <remarks>
/// Aspire gives each replica its instance id through <c>OTEL_RESOURCE_ATTRIBUTES</c>; reading it back from the
/// tracer provider's resource keeps this name equal to the one on every span, log and metric the replica exports.
/// </remarks>
public sealed class ServiceInstance
{
    private const string ServiceNameAttribute = "service.name";
    private const string ServiceInstanceIdAttribute = "service.instance.id";

    /// <param name="tracerProvider">The process's tracer provider, or null when tracing is not configured.</param>
    public ServiceInstance(TracerProvider? tracerProvider)
    {
        var attributes = tracerProvider?.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value) ?? [];
        Name = attributes.GetValueOrDefault(ServiceInstanceIdAttribute) is string instanceId
            ? $"{attributes.GetValueOrDefault(ServiceNameAttribute)}-{instanceId}"
            : $"{Environment.MachineName}:{Environment.ProcessId}";
    }

    /// <summary>The instance's name, for example <c>api-xkwjhzpa</c>.</summary>
    public string Name { get; }
}
