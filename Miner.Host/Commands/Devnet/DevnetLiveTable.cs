using System.Globalization;
using System.Text;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// The status table on a terminal, redrawn in place: the cursor moves up over the previous table (ESC[nA) and each
/// line is overwritten and its rest erased (ESC[K); a shorter table erases what is left below it (ESC[J). The screen
/// is never cleared, so what the terminal showed before the run stays in its scrollback. Lines are cut to the
/// terminal's width and the table to its height, or the cursor would move up over fewer rows than were written.
/// </summary>
public sealed class DevnetLiveTable(TextWriter output, int? width = null, int? height = null) : IDevnetProgressView
{
    private const string Escape = "\u001b[";

    private int _drawn;

    public void Show(DevnetSnapshot snapshot)
    {
        var lines = DevnetStatusTable.Render(snapshot).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (height is { } rows && lines.Count > rows - 1)
        {
            var shown = Math.Max(1, rows - 2);
            var hidden = lines.Count - shown;
            lines = [.. lines.Take(shown), string.Create(CultureInfo.InvariantCulture, $"… {hidden} more lines (a taller terminal shows them)")];
        }
        var text = new StringBuilder();
        if (_drawn > 0) text.Append(CultureInfo.InvariantCulture, $"\r{Escape}{_drawn}A");
        foreach (var line in lines) text.Append(Fit(line)).Append(Escape).Append('K').Append(output.NewLine);
        if (lines.Count < _drawn) text.Append(Escape).Append('J');
        output.Write(text.ToString());
        output.Flush();
        _drawn = lines.Count;
    }

    private string Fit(string line) => width is { } columns && line.Length >= columns ? line[..Math.Max(0, columns - 1)] : line;
}
