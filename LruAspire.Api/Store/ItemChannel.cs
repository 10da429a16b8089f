namespace LruAspire.Api.Store;

/// <summary>
/// The PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c> channel that carries item changes between API instances; the
/// payload is the changed key in decimal.
/// </summary>
public static class ItemChannel
{
    public const string Name = "lruaspire_items";
}
