using Miner.Host.Devnet;
using Miner.Models.Protocol;

namespace Miner.Specs.Devnet;

/// <summary>The devnet's task book: the limit `miner devnet --tasks N` sets, and the record of settled tasks.</summary>
public sealed class DevnetTaskBookSpecs
{
    [Fact]
    public void Once_the_task_limit_is_handed_out_a_pull_gets_no_task_and_no_cooldown()
    {
        var devnet = new DevnetRulesFixture(taskLimit: 1);
        devnet.Submit(devnet.PullTask(), results: "");
        devnet.Advance(400); // past the cooldown
        var answer = devnet.Pull();
        Assert.Null(answer.Task);
        Assert.Equal(0L, answer.CooldownUntil);
        Assert.Equal(1, devnet.Book.HandedOut);
    }

    [Fact]
    public void A_task_handed_out_again_does_not_count_against_the_limit()
    {
        var devnet = new DevnetRulesFixture(taskLimit: 1);
        var first = devnet.PullTask();
        Assert.Equal(first, devnet.PullTask());
        Assert.Equal(1, devnet.Book.HandedOut);
    }

    [Fact]
    public void An_accepted_task_is_booked_with_its_kind_score_and_seconds_from_hand_out()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Advance(42);
        devnet.Submit(task);
        var settled = Assert.Single(devnet.Book.Settled);
        Assert.Equal(new DevnetSettledTask("t1", 0, TaskKind.Text, DevnetTaskOutcome.Accepted, 0.8, TimeSpan.FromSeconds(42)), settled);
    }

    [Fact]
    public void An_empty_submission_is_booked_as_declined_without_a_score()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask(), results: "");
        var settled = Assert.Single(devnet.Book.Settled);
        Assert.Equal((DevnetTaskOutcome.Declined, (double?)null), (settled.Outcome, settled.Score));
    }

    [Fact]
    public void A_result_under_the_threshold_is_booked_as_penalised_with_its_score()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Scorer.Next = new SubmissionScore(0.3, "poor");
        devnet.Submit(devnet.PullTask());
        var settled = Assert.Single(devnet.Book.Settled);
        Assert.Equal((DevnetTaskOutcome.Penalised, (double?)0.3), (settled.Outcome, settled.Score));
    }
}
