using Microsoft.Playwright;

// Logs into the Aspire dashboard, opens the api resource's metrics, selects the cache's hit/miss
// instrument and saves a screenshot. Exits non-zero when the instrument never shows up.
//   usage: DashboardScreenshot <dashboard login URL with ?t=token> <output.png>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: DashboardScreenshot <login-url> <output.png>");
    return 2;
}

const string Meter = "LruAspire.Cache";
const string Instrument = "cache.requests";
var loginUrl = new Uri(args[0]);
var output = Path.GetFullPath(args[1]);
var timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds;

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

await page.GotoAsync(new Uri(loginUrl, "/metrics/resource/api").ToString());
try
{
    // The instrument tree: a fluent-tree-item per meter, titled with its name, holding one per instrument.
    var meter = page.Locator($"fluent-tree-item[title='{Meter}']");
    await meter.WaitForAsync();
    await meter.Locator($"fluent-tree-item[title='{Instrument}']").ClickAsync();
    // Selected: the chart's header names the instrument and its tag filter lists the request type.
    await page.GetByText("cache.request.type").First.WaitForAsync();
}
catch (TimeoutException)
{
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(output, ".failed.png"), FullPage = true });
    Console.Error.WriteLine($"The {Meter} meter's {Instrument} instrument did not appear on {page.Url}.");
    return 1;
}

// Let the chart draw a few export intervals of the load generator's traffic.
await page.WaitForTimeoutAsync(5_000);
await page.ScreenshotAsync(new PageScreenshotOptions { Path = output });
Console.WriteLine($"Saved {output} from {page.Url}");
return 0;
