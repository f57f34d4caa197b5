using System.Collections;

namespace Miner.Models.Configuration.Hocon;

/// <summary>An immutable list of values.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items;

    public HoconArray(IEnumerable<HoconValue> items, HoconPosition origin)
        : this(items.ToArray(), origin)
    {
    }

    private HoconArray(HoconValue[] items, HoconPosition origin)
        : base(origin, 1 + (items.Length == 0 ? 0 : items.Max(i => i.Depth)), CountNodes(items), CountChars(items))
    {
        _items = items;
    }

    public int Count => _items.Length;

    public HoconValue this[int index] => _items[index];

    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static long CountChars(HoconValue[] items)
    {
        long total = 0;
        foreach (var item in items) total = AddCounts(total, item.CharCount);
        return total;
    }

    private static long CountNodes(HoconValue[] items)
    {
        long total = 1;
        foreach (var item in items) total = AddCounts(total, item.NodeCount);
        return total;
    }
}
