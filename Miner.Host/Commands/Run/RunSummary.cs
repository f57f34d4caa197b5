using System.Globalization;
using Miner.Actors.Mining.Scoring;

namespace Miner.Host.Commands.Run;

/// <summary>
/// What the ScoreKeeper's ledger says at the end of a run, summed over the validators known to the run: submissions
/// (results and declines), accepted results, and the accept rate among scored submissions. With persistence the
/// ledger is kept across runs, so these are its totals, not this run's alone.
/// </summary>
public sealed record RunSummary(TimeSpan Uptime, int Validators, int Pulls, int Submissions, int Declines, int Accepted, int Failed, SuccessRate Overall)
{
    public static RunSummary From(TimeSpan uptime, IReadOnlyCollection<ValidatorLedgerEntry> entries, SuccessRate overall)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new RunSummary(uptime, entries.Count, entries.Sum(e => e.Pulls), entries.Sum(e => e.Submissions), entries.Sum(e => e.Declines),
            entries.Sum(e => e.Accepted), entries.Sum(e => e.Failed), overall);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"miner stopped after {Uptime.TotalMinutes:F1} min; ledger totals over {Validators} validator(s) (kept across runs): " +
        $"{Pulls} pulls, {Submissions} submissions of which {Declines} declined, {Accepted} accepted, {Failed} failed; accept rate {Overall}");
}
