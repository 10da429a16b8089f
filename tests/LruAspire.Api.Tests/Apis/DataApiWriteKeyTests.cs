using LruAspire.Api.Tests;
using System.Net;
using System.Text;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

public class DataApiWriteKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Without_a_configured_key_every_write_is_refused_with_403(string? configuredKey)
    {
        await using var host = ApiFactory.Start(writeKey: configuredKey);

        // Even a client that sends an empty key or any guess must not get through.
        foreach (var presented in new[] { "", "anything", ApiFactory.WriteKey })
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, "/data/1")
            {
                Content = new StringContent("""{"value":"x"}""", Encoding.UTF8, "application/json"),
                Headers = { { WriteKeyFilter.HeaderName, presented } },
            };
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/data/1") { Headers = { { WriteKeyFilter.HeaderName, presented } } };

            await DataApiWriteTests.AssertProblemAsync(await host.Client.SendAsync(put), HttpStatusCode.Forbidden);
            await DataApiWriteTests.AssertProblemAsync(await host.Client.SendAsync(delete), HttpStatusCode.Forbidden);
        }
        Assert.Equal("value-1", host.Store[1]);
    }
}
