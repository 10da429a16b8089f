using LruAspire.Api;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Resolve(args),
});

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapApplicationEndpoints();

app.Run();
