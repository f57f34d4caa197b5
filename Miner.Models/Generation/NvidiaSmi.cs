using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Miner.Models.Generation;

/// <summary>
/// GPU discovery through <c>nvidia-smi --query-gpu=index,name,memory.total,memory.used --format=csv,noheader,nounits</c>.
/// No nvidia-smi on the PATH is normal on CPU machines and gives an empty list; anything else it prints is parsed as
/// hostile input.
/// </summary>
public static class NvidiaSmi
{
    public static readonly string[] QueryArguments = ["--query-gpu=index,name,memory.total,memory.used", "--format=csv,noheader,nounits"];

    /// <summary>The cards, or empty when nvidia-smi is absent. Fails (with its stderr) when it runs but fails or times out.</summary>
    public static async Task<IReadOnlyList<GpuCard>> QueryAsync(TimeSpan timeout, CancellationToken cancellation, string executable = "nvidia-smi")
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in QueryArguments) start.ArgumentList.Add(argument);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return [];
        }
        if (process is null) return [];
        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(timeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(limit.Token);
                var errors = process.StandardError.ReadToEndAsync(limit.Token);
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"{executable} exited with code {process.ExitCode}: {(await errors.ConfigureAwait(false)).Trim()}");
                return Parse(await output.ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} gave no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
            }
        }
    }

    /// <summary>One card a line: <c>index, name, total MiB, used MiB</c>. Blank lines are skipped; names may hold commas.</summary>
    public static IReadOnlyList<GpuCard> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cards = new List<GpuCard>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length < 4) throw new FormatException($"nvidia-smi line {n + 1}: expected 4 fields (index, name, memory.total, memory.used), got {fields.Length}: '{Excerpt(line)}'");
            // The name is everything between the first field and the last two.
            var name = string.Join(',', fields[1..^2]).Trim();
            if (name.Length == 0) throw new FormatException($"nvidia-smi line {n + 1}: empty name");
            if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw new FormatException($"nvidia-smi line {n + 1}: index '{Excerpt(fields[0].Trim())}' is not a card number");
            cards.Add(new GpuCard(index, name, Memory(fields[^2], n, "memory.total"), Memory(fields[^1], n, "memory.used")));
        }
        return cards;
    }

    private static long? Memory(string field, int line, string name)
    {
        var text = field.Trim();
        if (text.StartsWith('[')) return null; // [N/A], [Not Supported]
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mib))
            throw new FormatException($"nvidia-smi line {line + 1}: {name} '{Excerpt(text)}' is not a MiB count");
        return mib;
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
