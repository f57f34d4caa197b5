using Miner.Host.Devnet;

namespace Miner.Specs.Devnet;

/// <summary>The devnet validator's pull_task handler against bittensor-wire 3.6.</summary>
public sealed class DevnetValidatorPullSpecs
{
    [Fact]
    public void A_pull_from_an_unregistered_hotkey_gets_no_task_and_an_hour_of_cooldown()
    {
        var devnet = new DevnetRulesFixture();
        var answer = devnet.Pull(Miner.Models.Bittensor.Keys.Ss58.Encode(DevnetRulesFixture.StrangerKey.PublicKey));
        Assert.Null(answer.Task);
        Assert.Equal(devnet.Now + 3600, answer.CooldownUntil);
    }

    [Fact]
    public void A_first_pull_assigns_a_task_with_the_quality_threshold_and_throttle_period()
    {
        var devnet = new DevnetRulesFixture();
        var answer = devnet.Pull();
        Assert.Equal(("t1", 0.6, 30L), (answer.Task!.Id, answer.ValidationThreshold, answer.ThrottlePeriod));
        Assert.Equal((0L, 0L), (answer.CooldownUntil, answer.CooldownViolations));
    }

    [Fact]
    public void A_pull_while_a_task_is_assigned_returns_the_same_task_and_keeps_its_assignment_time()
    {
        var devnet = new DevnetRulesFixture();
        var first = devnet.PullTask();
        var assignedAt = devnet.State.AssignmentTime;
        devnet.Advance(100);
        Assert.Equal(first, devnet.PullTask());
        Assert.Equal(assignedAt, devnet.State.AssignmentTime);
        Assert.Equal((1L, 1L), (devnet.Validator.Stats.Snapshot().TasksAssigned, devnet.Validator.Stats.Snapshot().TasksReissued));
    }

    [Fact]
    public void A_pull_on_cooldown_counts_a_violation_and_returns_no_task_with_the_cooldown()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask(), results: "");
        var answer = devnet.Pull();
        Assert.Null(answer.Task);
        Assert.Equal((devnet.Now + 300, 1L), (answer.CooldownUntil, answer.CooldownViolations));
    }

    [Fact]
    public void Violations_past_the_threshold_push_the_cooldown_back_by_the_violation_penalty_each()
    {
        var devnet = new DevnetRulesFixture(new DevnetRuleOptions { CooldownViolationsThreshold = 2 });
        devnet.Submit(devnet.PullTask(), results: "");
        var until = devnet.State.CooldownUntil;
        var answers = Enumerable.Range(0, 4).Select(_ => devnet.Pull()).ToList();
        Assert.Equal([until, until, until + 10, until + 20], answers.Select(a => a.CooldownUntil));
        Assert.Equal([1L, 2, 3, 4], answers.Select(a => a.CooldownViolations));
    }

    [Fact]
    public void A_pull_after_the_cooldown_ends_assigns_a_new_task()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask(), results: "");
        devnet.Advance(300);
        Assert.Equal("t2", devnet.PullTask().Id);
    }
}
