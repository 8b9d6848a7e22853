using System.Collections;

namespace OrleansGateway.Vtl.Values;

/// <summary>
/// An insertion-ordered string-keyed map (Java's LinkedHashMap) kept in two arrays. JSON objects of one
/// shape share their key array until one of them is changed, so a parsed list of similar objects costs
/// little more than its values. Lookups scan the few keys; larger maps build an index.
/// </summary>
internal sealed class JsonMap : IDictionary<string, object?>, IDictionary
{
    private const int IndexThreshold = 8;
    private string[] _keys;
    private object?[] _values;
    private int _count;
    private bool _sharedKeys;
    private Dictionary<string, int>? _index;

    public JsonMap()
        : this([], [], 0, sharedKeys: false)
    {
    }

    /// <param name="keys">Keys; when <paramref name="sharedKeys"/> the array is shared and copied before any change.</param>
    /// <param name="values">Values, owned by this map.</param>
    /// <param name="count">Entries in use.</param>
    /// <param name="sharedKeys">Whether other maps use the same key array.</param>
    public JsonMap(string[] keys, object?[] values, int count, bool sharedKeys)
    {
        _keys = keys;
        _values = values;
        _count = count;
        _sharedKeys = sharedKeys;
    }

    public int Count => _count;

    public bool IsReadOnly => false;

    bool IDictionary.IsFixedSize => false;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    public ICollection<string> Keys => new List<string>(_keys.AsSpan(0, _count).ToArray());

    public ICollection<object?> Values => new List<object?>(_values.AsSpan(0, _count).ToArray());

    ICollection IDictionary.Keys => (ICollection)Keys;

    ICollection IDictionary.Values => (ICollection)Values;

    public object? this[string key]
    {
        get => IndexOf(key) is var i && i >= 0 ? _values[i] : throw new KeyNotFoundException(key);
        set => Set(key, value);
    }

    object? IDictionary.this[object key]
    {
        get => key is string name && IndexOf(name) is var i && i >= 0 ? _values[i] : null;
        set => Set(key as string ?? throw new ArgumentException("Keys are strings", nameof(key)), value);
    }

    public bool TryGetValue(string key, out object? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    /// <summary>The value under a key, or null when absent, as a Java <c>Map.get</c>.</summary>
    public object? GetValueOrNull(string key) => IndexOf(key) is var i && i >= 0 ? _values[i] : null;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    bool IDictionary.Contains(object key) => key is string name && IndexOf(name) >= 0;

    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"Key '{key}' already exists", nameof(key));
        }

        Set(key, value);
    }

    void IDictionary.Add(object key, object? value) => Add(key as string ?? throw new ArgumentException("Keys are strings", nameof(key)), value);

    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        OwnKeys(_keys.Length);
        Array.Copy(_keys, i + 1, _keys, i, _count - i - 1);
        Array.Copy(_values, i + 1, _values, i, _count - i - 1);
        _count--;
        _keys[_count] = null!;
        _values[_count] = null;
        _index = null;
        return true;
    }

    void IDictionary.Remove(object key)
    {
        if (key is string name)
        {
            Remove(name);
        }
    }

    public bool Remove(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && Equals(value, item.Value) && Remove(item.Key);

    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    public void Clear()
    {
        _keys = [];
        _values = [];
        _count = 0;
        _sharedKeys = false;
        _index = null;
    }

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        for (var i = 0; i < _count; i++)
        {
            array[arrayIndex + i] = new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    void ICollection.CopyTo(Array array, int index)
    {
        for (var i = 0; i < _count; i++)
        {
            array.SetValue(new DictionaryEntry(_keys[i], _values[i]), index + i);
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IDictionary)this).GetEnumerator();

    IDictionaryEnumerator IDictionary.GetEnumerator() => new Enumerator(this);

    private int IndexOf(string key)
    {
        if (_count > IndexThreshold)
        {
            if (_index is null)
            {
                _index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
                for (var i = 0; i < _count; i++)
                {
                    _index[_keys[i]] = i;
                }
            }

            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_keys[i], key) || string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Set(string key, object? value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _values.Length)
        {
            var capacity = Math.Max(4, _count * 2);
            Array.Resize(ref _values, capacity);
            OwnKeys(capacity);
        }
        else
        {
            OwnKeys(_values.Length);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _index?.Add(key, _count);
        _count++;
    }

    private void OwnKeys(int capacity)
    {
        if (_sharedKeys || _keys.Length < capacity)
        {
            var keys = new string[capacity];
            Array.Copy(_keys, keys, _count);
            _keys = keys;
            _sharedKeys = false;
        }
    }

    private sealed class Enumerator(JsonMap map) : IDictionaryEnumerator
    {
        private int _position = -1;

        public DictionaryEntry Entry => new(map._keys[_position], map._values[_position]);

        public object Key => map._keys[_position];

        public object? Value => map._values[_position];

        public object Current => Entry;

        public bool MoveNext() => ++_position < map._count;

        public void Reset() => _position = -1;
    }
}
