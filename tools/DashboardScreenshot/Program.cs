using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

// Logs into the Aspire dashboard and saves the README's screenshots: the resources page, one replica's
// cache.hit_ratio, and cache.db_queries_saved for all replicas together. Exits non-zero when an instrument
// never shows up.
//   usage: DashboardScreenshot <dashboard login URL with ?t=token> <API base URL> <output folder>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: DashboardScreenshot <login-url> <api-url> <output-folder>");
    return 2;
}

const string Meter = "LruAspire.Cache";
var loginUrl = new Uri(args[0]);
var apiUrl = new Uri(args[1]);
var outputFolder = Path.GetFullPath(args[2]);
var timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;

// Each new connection may reach another replica, and /metrics names the one that answered as the dashboard does
// (for example api-xkwjhzpa): ask a few times and show the replica that has served the most lookups.
var replica = await FindBusiestReplicaAsync(apiUrl);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
page.SetDefaultTimeout(timeout);

// The token login sets the dashboard's auth cookie and redirects to the resources page.
await page.GotoAsync(loginUrl.ToString());
await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.OrdinalIgnoreCase));
await page.GetByText("loadgen").First.WaitForAsync();
await page.WaitForTimeoutAsync(2_000);
await SaveAsync("dashboard-resources.png");

if (!await CaptureInstrumentAsync(replica, "cache.hit_ratio", "dashboard-hit-ratio.png")
    || !await CaptureInstrumentAsync("api", "cache.db_queries_saved", "dashboard-db-queries-saved.png"))
{
    return 1;
}
return 0;

// Metrics → resource → meter → instrument, as a user clicks them, over the last minute.
async Task<bool> CaptureInstrumentAsync(string resource, string instrument, string fileName)
{
    await page.GotoAsync(new Uri(loginUrl, $"/metrics/resource/{resource}?duration=1").ToString());
    try
    {
        // The instrument tree: a fluent-tree-item per meter and per instrument, titled with its name. Blazor wires
        // the click up only once its circuit is connected, so an early click is repeated until the chart replaces
        // the "Select instrument." placeholder.
        var item = page.Locator($"fluent-tree-item[title='{Meter}'] fluent-tree-item[title='{instrument}']");
        await item.WaitForAsync();
        var placeholder = page.GetByText("Select instrument.");
        for (var attempt = 0; attempt < 20 && await placeholder.IsVisibleAsync(); attempt++)
        {
            await item.ClickAsync();
            await page.WaitForTimeoutAsync(1_000);
        }
        await placeholder.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 1_000 });
    }
    catch (TimeoutException)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(outputFolder, Path.ChangeExtension(fileName, ".failed.png")), FullPage = true });
        Console.Error.WriteLine($"The {Meter} meter's {instrument} instrument did not appear on {page.Url}.");
        return false;
    }

    // Let the chart draw a few export intervals.
    await page.WaitForTimeoutAsync(5_000);
    await SaveAsync(fileName);
    return true;
}

async Task SaveAsync(string fileName)
{
    var path = Path.Combine(outputFolder, fileName);
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
    Console.WriteLine($"Saved {path} from {page.Url}");
}

static async Task<string> FindBusiestReplicaAsync(Uri apiUrl)
{
    var lookupsByReplica = new Dictionary<string, long>();
    for (var i = 0; i < 10; i++)
    {
        using var http = new HttpClient { BaseAddress = apiUrl }; // a new connection each time
        var metrics = await http.GetFromJsonAsync<JsonElement>("/metrics");
        lookupsByReplica[metrics.GetProperty("instance").GetString()!] =
            metrics.GetProperty("hits").GetInt64() + metrics.GetProperty("negative_hits").GetInt64() + metrics.GetProperty("misses").GetInt64();
    }
    return lookupsByReplica.MaxBy(pair => pair.Value).Key;
}
