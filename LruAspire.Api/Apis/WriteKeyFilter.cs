using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Apis;

/// <summary>
/// Admits a write only when its <c>X-Api-Key</c> header equals the configured <see cref="DataApiOptions.WriteKey"/>.
/// Fails closed: without a configured key no write gets through (403, since no credential could help);
/// a missing or wrong key is 401.
/// </summary>
public sealed class WriteKeyFilter(IOptions<DataApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expectedHash = string.IsNullOrEmpty(options.Value.WriteKey)
        ? null
        : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WriteKey));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expectedHash is null)
        {
            return Problems.WritesDisabled.ToResult();
        }

        var presented = context.HttpContext.Request.Headers[HeaderName];
        if (presented.Count != 1 || !Matches(presented[0]))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = HeaderName;
            return Problems.MissingApiKey.ToResult();
        }

        return await next(context);
    }

    // Constant-time comparison of fixed-length hashes: response timing reveals neither how much of a guess was
    // right nor the key's length.
    private bool Matches(string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash);
}
