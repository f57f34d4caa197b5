using System.Text;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Stack of names and indexes describing where a <see cref="ScaleReader"/> is; only turned into text when
/// an error is reported, so decoding a large payload costs no string building.
/// </summary>
internal sealed class ScaleFieldPath
{
    private readonly List<(string? Name, int Index)> _segments = new(8);

    public void Push(string name) => _segments.Add((name, 0));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public string Describe(string? field)
    {
        var text = new StringBuilder();
        foreach (var (name, index) in _segments) Append(text, name, index);
        if (!string.IsNullOrEmpty(field)) Append(text, field, 0);
        return text.Length == 0 ? "(root)" : text.ToString();
    }

    private static void Append(StringBuilder text, string? name, int index)
    {
        if (name is null)
        {
            text.Append('[').Append(index).Append(']');
            return;
        }
        if (text.Length > 0) text.Append('.');
        text.Append(name);
    }
}
