using System.Text;

namespace Miner.Host.Commands.Ctl;

/// <summary>
/// Plain text columns, each as wide as its widest cell, two spaces apart; the last column is not padded. A null cell
/// prints as <c>-</c> (no value), an empty one as nothing.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => c is null ? "-" : c.ReplaceLineEndings(" ")).ToArray());

    public override string ToString()
    {
        var all = _rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < headers.Length; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                line.Append(i == headers.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return text.ToString();
    }
}
