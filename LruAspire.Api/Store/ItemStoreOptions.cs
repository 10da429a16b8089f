using System.ComponentModel.DataAnnotations;

namespace LruAspire.Api.Store;

public sealed class ItemStoreOptions
{
    public const string SectionName = "ItemStore";

    /// <summary>Rows written into an empty table at startup (keys 1..N, value "value-N"); 0 disables seeding.</summary>
    [Range(0, 10_000_000)]
    public int SeedRows { get; set; } = 10_000;
}
