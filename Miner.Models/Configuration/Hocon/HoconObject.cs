using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Miner.Models.Configuration.Hocon;

/// <summary>An immutable object whose keys keep the order in which they were first defined.</summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly KeyValuePair<string, HoconValue>[] _fields;
    private readonly Dictionary<string, HoconValue> _byKey;

    public HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields, HoconPosition origin)
        : this(Deduplicate(fields), origin)
    {
    }

    private HoconObject(KeyValuePair<string, HoconValue>[] fields, HoconPosition origin)
        : base(origin, 1 + (fields.Length == 0 ? 0 : fields.Max(f => f.Value.Depth)), CountNodes(fields), CountChars(fields))
    {
        _fields = fields;
        _byKey = new Dictionary<string, HoconValue>(fields.Length, StringComparer.Ordinal);
        foreach (var (key, value) in fields) _byKey[key] = value;
    }

    /// <summary>Keys in definition order.</summary>
    public IEnumerable<string> Keys => _fields.Select(f => f.Key);

    public IEnumerable<HoconValue> Values => _fields.Select(f => f.Value);

    public int Count => _fields.Length;

    public HoconValue this[string key] => _byKey[key];

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _byKey.TryGetValue(key, out value);

    /// <summary>Follows a path of keys (already split: a key may itself contain dots).</summary>
    public HoconValue? Find(params IReadOnlyList<string> path)
    {
        HoconValue current = this;
        foreach (var segment in path)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(segment, out var next)) return null;
            current = next;
        }
        return current;
    }

    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, HoconValue>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Later fields win, keeping the position of the first definition of each key.</summary>
    private static KeyValuePair<string, HoconValue>[] Deduplicate(IEnumerable<KeyValuePair<string, HoconValue>> fields)
    {
        var order = new List<string>();
        var values = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!values.ContainsKey(key)) order.Add(key);
            values[key] = value;
        }
        return order.Select(k => new KeyValuePair<string, HoconValue>(k, values[k])).ToArray();
    }

    private static long CountChars(KeyValuePair<string, HoconValue>[] fields)
    {
        long total = 0;
        foreach (var field in fields) total = AddCounts(total, AddCounts(field.Key.Length, field.Value.CharCount));
        return total;
    }

    private static long CountNodes(KeyValuePair<string, HoconValue>[] fields)
    {
        long total = 1;
        foreach (var field in fields) total = AddCounts(total, field.Value.NodeCount);
        return total;
    }
}
