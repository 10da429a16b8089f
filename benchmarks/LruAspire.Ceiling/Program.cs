using System.Globalization;
using System.Text;

// The ceiling of this stack on this machine: Kestrel and a minimal API returning the API's exact JSON bytes
// for GET /data/{key} from a dictionary built at start. No cache, database, middleware or telemetry, so
// benchmarks/e2e/run.sh can say how close the real API's cached path comes to "just ASP.NET Core".
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();

var rows = builder.Configuration.GetValue("Rows", 10_000);
var items = new Dictionary<long, byte[]>(rows);
for (long key = 1; key <= rows; key++)
{
    items[key] = Encoding.UTF8.GetBytes($$"""{"key":{{key}},"value":"value-{{key}}"}""");
}

var app = builder.Build();

app.MapGet("/data/{key}", (string key) =>
    long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && items.TryGetValue(id, out var json)
        ? Results.Bytes(json, "application/json")
        : Results.NotFound());
app.MapGet("/health", () => "Healthy");

app.Run();
