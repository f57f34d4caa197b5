using System.Runtime.CompilerServices;
using System.Text;

namespace Miner.Models.Configuration.Hocon;

/// <summary>
/// Turns the raw tree into immutable values: substitutions, concatenation and merging with earlier definitions.
/// Each node is resolved once (memoised); a node met again while it is being resolved is a cycle.
/// </summary>
internal sealed class HoconResolver(RawObject root, HoconParseOptions options)
{
    private readonly Dictionary<RawNode, HoconValue?> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<RawNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<RawSubstitution> _chain = [];

    // What concatenation and merging have built so far, over the whole parse: each step is checked before or as
    // it is built, so many fields repeating one large value are refused early, not once all of them exist.
    private long _builtNodes;
    private long _builtChars;

    public HoconObject ResolveRoot() =>
        Resolve(root) as HoconObject ?? new HoconObject([], root.Position);

    /// <summary>Null means "not set" (an optional substitution that found nothing).</summary>
    private HoconValue? Resolve(RawNode node)
    {
        if (_done.TryGetValue(node, out var known)) return known;
        if (!_inProgress.Add(node)) throw Cycle(node);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new HoconException(node.Position, "substitutions nested too deeply");
        try
        {
            var value = node switch
            {
                RawScalar s => new HoconScalar(s.Kind, s.Text, s.Position),
                RawObject o => ResolveObject(o),
                RawArray a => ResolveArray(a),
                RawSubstitution s => ResolveSubstitution(s),
                RawConcat c => ResolveConcat(c),
                _ => throw new HoconException(node.Position, "unknown node"),
            };
            if (node.Previous is { } previous)
            {
                // An unset value keeps the earlier one; an object merges over an earlier object.
                if (value is null) value = Resolve(previous);
                else if (value is HoconObject newer && Resolve(previous) is HoconObject older) value = Built(Merge(older, newer), node.Position);
            }
            Check(value, node.Position);
            _done[node] = value;
            return value;
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    private HoconObject ResolveObject(RawObject obj)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(obj.Order.Count);
        foreach (var key in obj.Order)
            if (Resolve(obj[key]) is { } value) fields.Add(new(key, value));
        return new HoconObject(fields, obj.Position);
    }

    private HoconArray ResolveArray(RawArray array)
    {
        var items = new List<HoconValue>(array.Items.Count);
        foreach (var item in array.Items)
            if (Resolve(item) is { } value) items.Add(value);
        return new HoconArray(items, array.Position);
    }

    private HoconValue? ResolveSubstitution(RawSubstitution sub)
    {
        if (_chain.Count >= options.MaxSubstitutionDepth)
            throw new HoconException(sub.Position, $"substitutions nested deeper than {options.MaxSubstitutionDepth}");
        _chain.Add(sub);
        try
        {
            // ${a} inside the value of a itself means "the value a had before this definition".
            var value = sub.Field is { Path: { } fieldPath, Node: { } owner } && fieldPath.AsSpan().SequenceEqual(sub.Path)
                ? owner.Previous is { } before ? Resolve(before) : null
                : Lookup(sub.Path);
            if (value is null && options.LookupEnvironment(sub.PathText) is { } fromEnvironment)
                value = new HoconScalar(HoconScalarKind.String, fromEnvironment, sub.Position);
            if (value is null && !sub.Optional)
                throw new HoconException(sub.Position, $"undefined substitution {sub.Display}: no such path and no environment variable '{sub.PathText}'");
            return value;
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>Walks the raw tree while it is literal objects, so a reference into an object being resolved is no cycle.</summary>
    private HoconValue? Lookup(string[] path)
    {
        RawNode node = root;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not RawObject obj) return Descend(Resolve(node), path, i);
            if (obj.TryGet(path[i], out var child)) node = child;
            else return obj.Previous is { } previous ? Descend(Resolve(previous), path, i) : null;
        }
        return Resolve(node);
    }

    private static HoconValue? Descend(HoconValue? value, string[] path, int from)
    {
        for (var i = from; i < path.Length && value is not null; i++)
            value = value is HoconObject obj && obj.TryGetValue(path[i], out var child) ? child : null;
        return value;
    }

    private HoconValue? ResolveConcat(RawConcat concat)
    {
        var values = new List<HoconValue>(concat.Parts.Count);
        var gaps = new List<string>(concat.Parts.Count);
        for (var i = 0; i < concat.Parts.Count; i++)
        {
            if (Resolve(concat.Parts[i]) is not { } value) continue; // an unset part drops with the space before it
            gaps.Add(values.Count == 0 ? "" : concat.Gaps[i]);
            values.Add(value);
        }
        if (values.Count == 0) return null;
        if (values.Count == 1) return values[0];
        if (values.All(v => v is HoconObject))
            return values.Cast<HoconObject>().Aggregate((older, newer) => Built(Merge(older, newer), concat.Position));
        if (values.All(v => v is HoconArray))
        {
            // counted before the items are copied: a few references to a large array must not be expanded first
            var nodes = values.Aggregate(0L, (total, v) => HoconValue.AddCounts(total, v.NodeCount));
            Spend(nodes, concat.Position);
            return new HoconArray(values.SelectMany(v => (HoconArray)v), concat.Position);
        }
        if (values.All(v => v is HoconScalar))
        {
            var text = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                var piece = ((HoconScalar)values[i]).Text;
                if ((long)text.Length + gaps[i].Length + piece.Length > options.MaxStringLength)
                    throw new HoconException(concat.Position, $"concatenated string longer than {options.MaxStringLength} characters");
                if (_builtChars + text.Length + gaps[i].Length + piece.Length > options.MaxResolvedChars)
                    throw new HoconException(concat.Position, $"concatenations build more than {options.MaxResolvedChars} characters in all");
                text.Append(gaps[i]).Append(piece);
            }
            _builtChars += text.Length;
            return new HoconScalar(HoconScalarKind.String, text.ToString(), concat.Position);
        }
        var kinds = values.Select(KindName).Distinct();
        throw new HoconException(concat.Position, $"cannot concatenate {string.Join(" with ", kinds)}");
    }

    private static string KindName(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        _ => "a string",
    };

    /// <summary>Later wins; two objects under the same key merge recursively.</summary>
    private static HoconObject Merge(HoconObject older, HoconObject newer)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(older.Count + newer.Count);
        fields.AddRange(older);
        foreach (var (key, value) in newer)
        {
            var merged = value is HoconObject n && older.TryGetValue(key, out var o) && o is HoconObject oo ? Merge(oo, n) : value;
            fields.Add(new(key, merged));
        }
        return new HoconObject(fields, older.Origin);
    }

    private void Check(HoconValue? value, HoconPosition at)
    {
        if (value is null) return;
        if (value.Depth > options.MaxDepth)
            throw new HoconException(at, $"value nested deeper than {options.MaxDepth} levels");
        if (value.NodeCount > options.MaxNodes)
            throw new HoconException(at, $"configuration expands to more than {options.MaxNodes} values");
        if (value.CharCount > options.MaxResolvedChars)
            throw new HoconException(at, $"configuration expands to more than {options.MaxResolvedChars} characters");
    }

    /// <summary>Counts a merged object against the parse's budget of built values.</summary>
    private HoconObject Built(HoconObject merged, HoconPosition at)
    {
        Spend(merged.NodeCount, at);
        return merged;
    }

    private void Spend(long nodes, HoconPosition at)
    {
        _builtNodes = HoconValue.AddCounts(_builtNodes, nodes);
        if (_builtNodes > options.MaxNodes)
            throw new HoconException(at, $"concatenations and merges build more than {options.MaxNodes} values in all");
    }

    private HoconException Cycle(RawNode node)
    {
        var at = _chain.Count > 0 ? _chain[^1].Position : node.Position;
        var path = string.Join(" -> ", _chain.Select(s => s.Display));
        return new HoconException(at, $"substitution cycle: {path}");
    }
}
