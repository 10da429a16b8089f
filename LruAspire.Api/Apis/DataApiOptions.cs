using System.ComponentModel.DataAnnotations;

namespace LruAspire.Api.Apis;

/// <summary>Settings of the data API's write endpoints (configuration section <c>Api</c>).</summary>
public sealed class DataApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The secret a client must send as <c>X-Api-Key</c> to write. When unset, every write is refused: a missing
    /// secret must never leave the data open to anyone (environment <c>Api__WriteKey</c>).
    /// </summary>
    public string? WriteKey { get; set; }

    /// <summary>Largest accepted value, in UTF-8 bytes; larger values are answered with 413.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxValueBytes { get; set; } = 64 * 1024;
}
