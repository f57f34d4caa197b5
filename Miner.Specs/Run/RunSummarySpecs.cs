using Miner.Actors.Mining.Scoring;
using Miner.Host.Commands.Run;

namespace Miner.Specs.Run;

/// <summary>The summary `miner run` prints: this run's figures apart from the ledger's totals kept across runs.</summary>
public sealed class RunSummarySpecs
{
    private static readonly LedgerFigures AtStart = new(3, 40, 30, 10, 15, 5);
    private static readonly LedgerFigures AtEnd = new(4, 52, 38, 12, 20, 6);

    [Fact]
    public void This_runs_figures_are_the_end_minus_the_start()
    {
        Assert.Equal(new LedgerFigures(4, 12, 8, 2, 5, 1), AtEnd.Since(AtStart));
    }

    [Fact]
    public void The_summary_gives_this_run_and_the_totals()
    {
        var text = new RunSummary(TimeSpan.FromMinutes(90), AtEnd.Since(AtStart), AtEnd, new SuccessRate(26, 20)).ToString();
        Assert.Contains("after 90.0 min", text, StringComparison.Ordinal);
        Assert.Contains("this run: 12 pulls, 8 submissions of which 2 declined, 5 accepted, 1 failed", text, StringComparison.Ordinal);
        Assert.Contains("ledger totals over 4 validator(s) (kept across runs): 52 pulls", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_start_the_summary_says_this_runs_figures_are_unknown()
    {
        var text = new RunSummary(TimeSpan.FromMinutes(1), null, AtEnd, new SuccessRate(0, 0)).ToString();
        Assert.Contains("this run's figures are unknown", text, StringComparison.Ordinal);
    }
}
