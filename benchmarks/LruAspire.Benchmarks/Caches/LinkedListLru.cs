namespace LruAspire.Benchmarks.Caches;

/// <summary>
/// The baseline every LRU tutorial writes: one lock around a <see cref="Dictionary{TKey, TValue}"/> of
/// <see cref="LinkedListNode{T}"/> and a <see cref="LinkedList{T}"/> ordered most recently used first.
/// </summary>
public sealed class LinkedListLru(int capacity) : IBenchmarkCache
{
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Value)>> _map = new(capacity);
    private readonly LinkedList<(string Key, byte[] Value)> _list = new();
    private readonly Lock _lock = new();

    public bool TryGet(string key, out byte[]? value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _list.Remove(node);
                _list.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    public void Set(string key, byte[] value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _list.Remove(existing);
            }
            else if (_map.Count >= capacity)
            {
                var last = _list.Last!;
                _list.RemoveLast();
                _map.Remove(last.Value.Key);
            }
            _map[key] = _list.AddFirst((key, value));
        }
    }
}
