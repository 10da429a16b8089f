using LruAspire.LoadGen;
using LruAspire.LoadGen.Apis;
using LruAspire.LoadGen.Runs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLoadGenerator();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapControlApi();
app.MapDefaultEndpoints();

app.Run();
