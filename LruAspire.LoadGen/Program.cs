using LruAspire.LoadGen;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddOptions<LoadOptions>().BindConfiguration(LoadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
// "http://api" is resolved by service discovery from the AppHost's reference to the api resource.
builder.Services.AddHttpClient<ApiClient>(client => client.BaseAddress = new Uri("http://api"));
builder.Services.AddHostedService<LoadWorker>();

builder.Build().Run();
