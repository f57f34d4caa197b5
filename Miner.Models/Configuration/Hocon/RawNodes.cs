namespace Miner.Models.Configuration.Hocon;

// The unresolved tree the syntax parser builds. Substitutions are resolved afterwards by HoconResolver.

internal abstract class RawNode(HoconPosition position)
{
    public HoconPosition Position { get; } = position;

    /// <summary>The value this one replaced: used by self-references and to merge with an earlier object.</summary>
    public RawNode? Previous { get; set; }
}

internal sealed class RawScalar(HoconScalarKind kind, string text, HoconPosition position) : RawNode(position)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;
}

internal sealed class RawArray(List<RawNode> items, HoconPosition position) : RawNode(position)
{
    public List<RawNode> Items { get; } = items;
}

/// <summary>Parts written side by side on one line; Gaps[i] is the whitespace written before Parts[i].</summary>
internal sealed class RawConcat(List<RawNode> parts, List<string> gaps, HoconPosition position) : RawNode(position)
{
    public List<RawNode> Parts { get; } = parts;

    public List<string> Gaps { get; } = gaps;
}

/// <summary>The field whose value is being parsed, so a substitution can tell when it refers to itself.</summary>
internal sealed class RawFieldContext(string[]? path)
{
    /// <summary>Absolute path of the field, or null inside arrays (no self-reference there).</summary>
    public string[]? Path { get; } = path;

    public RawNode? Node { get; set; }
}

internal sealed class RawSubstitution(string[] path, bool optional, RawFieldContext? field, HoconPosition position)
    : RawNode(position)
{
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    public RawFieldContext? Field { get; } = field;

    /// <summary>The name the environment fallback looks up.</summary>
    public string PathText => string.Join('.', Path);

    public string Display => Optional ? $"${{?{PathText}}}" : $"${{{PathText}}}";
}

internal sealed class RawObject(HoconPosition position) : RawNode(position)
{
    private readonly Dictionary<string, RawNode> _fields = new(StringComparer.Ordinal);

    public List<string> Order { get; } = [];

    public bool TryGet(string key, out RawNode node) => _fields.TryGetValue(key, out node!);

    public RawNode this[string key] => _fields[key];

    /// <summary>
    /// Assigns <paramref name="node"/> to <paramref name="key"/> with HOCON semantics: an object written over an
    /// object merges into it, anything else replaces the old value and remembers it as Previous. A node that
    /// already has a Previous chain (duplicates inside a freshly parsed object) is replayed oldest first.
    /// </summary>
    public void Assign(string key, RawNode node)
    {
        var chain = new List<RawNode>();
        for (var n = node; n is not null; n = n.Previous) chain.Add(n);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var step = chain[i];
            step.Previous = null;
            AssignOne(key, step);
        }
    }

    private void AssignOne(string key, RawNode node)
    {
        if (_fields.TryGetValue(key, out var existing))
        {
            if (node is RawObject incoming && existing is RawObject target)
            {
                foreach (var childKey in incoming.Order) target.Assign(childKey, incoming[childKey]);
                return;
            }
            node.Previous = existing;
        }
        else
        {
            Order.Add(key);
        }
        _fields[key] = node;
    }
}
