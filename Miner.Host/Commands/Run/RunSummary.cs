using System.Globalization;
using Miner.Actors.Mining.Scoring;

namespace Miner.Host.Commands.Run;

/// <summary>
/// What the ScoreKeeper's ledger says at the end of a run: this run's own figures (the end's counters minus those
/// recovered at the start, when the start's were read) and the ledger's totals, kept across runs with persistence.
/// </summary>
public sealed record RunSummary(TimeSpan Uptime, LedgerFigures? ThisRun, LedgerFigures Totals, SuccessRate Overall)
{
    public override string ToString()
    {
        var thisRun = ThisRun is { } run ? $"this run: {run}; " : "this run's figures are unknown (the ledger did not answer at start); ";
        return string.Create(CultureInfo.InvariantCulture, $"miner stopped after {Uptime.TotalMinutes:F1} min; ") + thisRun +
            $"ledger totals over {Totals.Validators} validator(s) (kept across runs): {Totals}; accept rate {Overall}";
    }
}
