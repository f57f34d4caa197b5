namespace Miner.Actors.Mining.Metagraph;

/// <summary>
/// Skipped neurons counted by kind, most frequent first: with 256 neurons a line per uid is noise, a count per
/// reason is what an operator reads (<c>231 low stake (&lt; 1000 τ), 12 not serving, 1 own hotkey</c>).
/// </summary>
public static class SkippedValidatorCounts
{
    public static IReadOnlyList<(string Kind, int Count)> Count(IEnumerable<SkippedValidator> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return skipped.GroupBy(s => s.Kind, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>231 low stake (&lt; 1000 τ), 12 not serving</c>; <c>none</c> when nothing was skipped.</summary>
    public static string Describe(IEnumerable<SkippedValidator> skipped)
    {
        var counts = Count(skipped);
        return counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Count} {c.Kind}"));
    }
}
