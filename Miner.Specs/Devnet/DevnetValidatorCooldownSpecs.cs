using Miner.Host.Devnet;

namespace Miner.Specs.Devnet;

/// <summary>reset_task's arithmetic (bittensor-wire 3.8): the cooldown runs from assignment.</summary>
public sealed class DevnetValidatorCooldownSpecs
{
    [Theory] // the project's worked numbers: cooldown 60, throttle 20
    [InlineData(5, 55)]
    [InlineData(15, 45)]
    [InlineData(20, 40)]
    [InlineData(30, 40)]
    public void An_accepted_result_leaves_the_documented_cooldown_after_completion(int completedAfter, int cooldownLeft)
    {
        var devnet = new DevnetRulesFixture(new DevnetRuleOptions { TaskCooldown = TimeSpan.FromSeconds(60), ThrottlePeriod = TimeSpan.FromSeconds(20) });
        var task = devnet.PullTask();
        devnet.Advance(completedAfter);
        var answer = devnet.Submit(task);
        Assert.Equal(0.8, answer.Feedback!.TaskFidelityScore);
        Assert.Equal(cooldownLeft, answer.CooldownUntil - devnet.Now);
    }

    [Theory] // subnet defaults: max(submit + 270, assign + 300) for a success, max(submit + 870, assign + 900) after a penalty
    [InlineData(10, 0.8, 290)]
    [InlineData(100, 0.8, 270)]
    [InlineData(10, 0.3, 890)]
    [InlineData(100, 0.3, 870)]
    public void The_cooldown_with_the_subnet_defaults_follows_max_of_submit_and_assignment(int completedAfter, double score, int cooldownLeft)
    {
        var devnet = new DevnetRulesFixture();
        devnet.Scorer.Next = new SubmissionScore(score, "fixed");
        var task = devnet.PullTask();
        devnet.Advance(completedAfter);
        Assert.Equal(cooldownLeft, devnet.Submit(task).CooldownUntil - devnet.Now);
    }

    [Fact]
    public void A_declined_task_costs_the_plain_cooldown_and_no_penalty()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Advance(10);
        var answer = devnet.Submit(task, results: "");
        Assert.Equal(290, answer.CooldownUntil - devnet.Now);
        Assert.Equal((1L, 0L, 0), (devnet.Validator.Stats.Snapshot().Declined, devnet.Validator.Stats.Snapshot().Penalties, devnet.Scorer.Calls));
    }
}
