using System.Text.Json;

namespace LruAspire.Api.Apis;

public static class ApiJsonExtensions
{
    /// <summary>The API's JSON: snake_case like the seed's FastAPI, with source-generated serializers first.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
}
