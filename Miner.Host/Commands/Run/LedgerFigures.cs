using Miner.Actors.Mining.Scoring;

namespace Miner.Host.Commands.Run;

/// <summary>The ScoreKeeper's counters summed over validators, so a run's own figures are the end's minus the start's.</summary>
public sealed record LedgerFigures(int Validators, int Pulls, int Submissions, int Declines, int Accepted, int Failed)
{
    public static LedgerFigures Sum(IReadOnlyCollection<ValidatorLedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new LedgerFigures(entries.Count, entries.Sum(e => e.Pulls), entries.Sum(e => e.Submissions), entries.Sum(e => e.Declines),
            entries.Sum(e => e.Accepted), entries.Sum(e => e.Failed));
    }

    public LedgerFigures Since(LedgerFigures start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new LedgerFigures(Validators, Pulls - start.Pulls, Submissions - start.Submissions, Declines - start.Declines,
            Accepted - start.Accepted, Failed - start.Failed);
    }

    public override string ToString() =>
        $"{Pulls} pulls, {Submissions} submissions of which {Declines} declined, {Accepted} accepted, {Failed} failed";
}
