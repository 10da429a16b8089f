using LruAspire.Api.Infrastructure;

namespace LruAspire.Api.Tests.Telemetry;

/// <summary>A store whose database never answers, for the error path of the fetch instrumentation.</summary>
internal sealed class UnreachableItemStore : IItemStore
{
    public Task<Item?> GetAsync(long key, CancellationToken cancellationToken) =>
        Task.FromException<Item?>(new TimeoutException("The database did not answer."));
}
