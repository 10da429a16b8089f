using System.Text.Json;
using LruAspire.Api.Apis;
using LruAspire.Api.Infrastructure;
using LruAspire.Api.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddItemStore("lrudb");
builder.AddCacheService();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
// Kestrel reads only endpoints from the "Kestrel" section; binding its limits lets appsettings.json set them.
builder.WebHost.ConfigureKestrel((context, kestrel) => context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDataApi();
app.MapMetricsApi();
app.MapDefaultEndpoints();

app.Run();
