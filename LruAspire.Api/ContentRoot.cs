namespace LruAspire.Api;

/// <summary>
/// Where the API looks for <c>appsettings.json</c>. The host's default content root is the working directory, so
/// <c>dotnet path/to/LruAspire.Api.dll</c> started from any other folder would silently run without its settings
/// (no Kestrel limits, the default cache size, every request logged). The API's own folder is the default
/// instead; an explicit content root still wins.
/// </summary>
public static class ContentRoot
{
    /// <summary>
    /// The value for <see cref="WebApplicationOptions.ContentRootPath"/>: the folder the application was loaded
    /// from (<see cref="AppContext.BaseDirectory"/>, where the build and <c>dotnet publish</c> put
    /// <c>appsettings*.json</c>), or <see langword="null"/> when one is named on the command line
    /// (<c>--contentRoot</c>) or in the environment (<c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>), so
    /// the host applies that one as usual. An explicit <see cref="WebApplicationOptions.ContentRootPath"/> would
    /// otherwise override both.
    /// </summary>
    /// <param name="args">The command-line arguments the host is built with.</param>
    public static string? Resolve(string[] args)
    {
        // The same sources, in the same order, as the host reads its own settings from.
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return string.IsNullOrEmpty(hostSettings[HostDefaults.ContentRootKey]) ? AppContext.BaseDirectory : null;
    }
}
