using LruAspire.Api.Apis;
using LruAspire.Api.Infrastructure;
using LruAspire.Api.OpenApi;
using LruAspire.Api.Services;
using LruAspire.Api.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddItemStore("lrudb");
builder.AddItemInvalidation("lrudb");
builder.AddCacheService();
builder.AddDataApi();
builder.AddCacheTelemetry();
builder.Services.AddProblemDetails();
builder.Services.AddApiDocumentation();
builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
// Kestrel reads only endpoints from the "Kestrel" section; binding its limits lets appsettings.json set them.
builder.WebHost.ConfigureKestrel((context, kestrel) => context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
builder.Services.AddApiJson();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDataApi();
app.MapMetricsApi();
app.MapDefaultEndpoints();
app.MapApiDocumentation();

app.Run();
