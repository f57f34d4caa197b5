using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Simulation;

namespace Miner.Specs.Mining;

/// <summary>The fake validator's rules match the subnet's handlers (bittensor-wire.md §3.6–3.8).</summary>
public sealed class ValidatorRulesSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 55)]
    [InlineData(15, 45)]
    [InlineData(20, 40)]
    [InlineData(30, 40)]
    public void Cooldown_after_completion_follows_the_project_tests_worked_values(int completeAfter, int cooldownLeft)
    {
        var rules = new ValidatorRules("v", new ValidatorRuleSettings { TaskCooldownSeconds = 60, ThrottlePeriodSeconds = 20 });
        var task = rules.Pull(T0).Task!;
        var done = T0.AddSeconds(completeAfter);
        var reply = rules.Submit(done, task.Id, empty: false, score: 0.9);
        Assert.Equal(done.AddSeconds(cooldownLeft), reply.CooldownUntil);
    }

    [Fact]
    public void Pulling_again_before_submitting_returns_the_same_task()
    {
        var rules = new ValidatorRules("v");
        var first = rules.Pull(T0).Task!;
        var again = rules.Pull(T0.AddSeconds(100)).Task!;
        Assert.Equal(first, again);
        Assert.Equal(1, rules.TasksHandedOut);
    }

    [Fact]
    public void Pulling_during_a_cooldown_counts_a_violation_and_returns_no_task()
    {
        var rules = new ValidatorRules("v");
        var task = rules.Pull(T0).Task!;
        rules.Submit(T0.AddSeconds(10), task.Id, false, 0.9);
        var reply = rules.Pull(T0.AddSeconds(200));
        Assert.Equal(PullReplyKind.Cooldown, reply.Kind);
        Assert.Equal(T0.AddSeconds(300), reply.CooldownUntil);
        Assert.Equal(1, rules.TotalViolations);
    }

    [Fact]
    public void A_result_under_the_threshold_adds_the_600_s_penalty()
    {
        var rules = new ValidatorRules("v");
        var task = rules.Pull(T0).Task!;
        var reply = rules.Submit(T0.AddSeconds(10), task.Id, false, 0.5);
        Assert.Equal(T0.AddSeconds(900), reply.CooldownUntil);
        Assert.Equal(1, rules.Penalties);
    }

    [Fact]
    public void An_empty_result_costs_no_penalty()
    {
        var rules = new ValidatorRules("v");
        var task = rules.Pull(T0).Task!;
        var reply = rules.Submit(T0.AddSeconds(10), task.Id, empty: true, score: 0);
        Assert.Equal(T0.AddSeconds(300), reply.CooldownUntil);
        Assert.Equal(0, rules.Penalties);
        Assert.Equal(1, rules.Declined);
    }

    [Fact]
    public void Submitting_with_no_task_assigned_is_refused()
    {
        var rules = new ValidatorRules("v");
        Assert.Equal(SubmitReplyKind.Refused, rules.Submit(T0, "nothing", false, 0.9).Kind);
    }
}
