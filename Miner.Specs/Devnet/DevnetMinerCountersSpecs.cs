using Miner.Models.Protocol;

namespace Miner.Specs.Devnet;

/// <summary>
/// What a devnet validator counts per registered miner (`miner devnet validators` writes it to validators.json), and
/// the per-validator task limit that gives such a run an end.
/// </summary>
public sealed class DevnetMinerCountersSpecs
{
    private static PullTask Header(DevnetRulesFixture devnet) => new() { Dendrite = new TerminalInfo { Hotkey = devnet.MinerHotkey } };

    [Fact]
    public void A_validator_with_a_task_limit_answers_with_no_task_and_no_cooldown_once_it_handed_them_out()
    {
        var devnet = new DevnetRulesFixture(validatorTaskLimit: 1);
        devnet.Submit(devnet.PullTask(), results: "");
        devnet.Advance(devnet.Rules.TaskCooldown.TotalSeconds + 1);

        var answer = devnet.Pull();

        Assert.Equal((null, 0L), (answer.Task, answer.CooldownUntil));
        Assert.True(devnet.Validator.Exhausted);
        Assert.Equal(1, devnet.Validator.Stats.Snapshot().TasksAssigned);
    }

    [Fact]
    public void The_counters_of_a_registered_miner_that_never_called_are_zero()
    {
        var devnet = new DevnetRulesFixture();

        var stats = Assert.Single(devnet.Validator.MinerStats());

        Assert.Equal((devnet.MinerHotkey, 0L, 0L, (string?)null), (stats.Hotkey, stats.Pulls, stats.Submissions, stats.UnsubmittedTask));
    }

    [Fact]
    public void A_task_assigned_and_not_yet_submitted_is_named_until_a_submission_names_it()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        Assert.Equal(task.Id, devnet.Validator.MinerStats()[0].UnsubmittedTask);

        devnet.Submit(task);

        Assert.Null(devnet.Validator.MinerStats()[0].UnsubmittedTask);
    }

    [Fact]
    public void Pulls_assignments_and_outcomes_are_counted_per_miner()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask()); // accepted (0.8 >= 0.6)
        devnet.Advance(devnet.Rules.TaskCooldown.TotalSeconds + 1);
        devnet.Submit(devnet.PullTask(), results: ""); // declined
        devnet.Advance(devnet.Rules.TaskCooldown.TotalSeconds + 1);
        devnet.Scorer.Next = new(0.1, "low");
        devnet.Submit(devnet.PullTask()); // penalised: failed

        var s = devnet.Validator.MinerStats()[0];

        Assert.Equal((3L, 3L, 3L, 1L, 1L, 1L), (s.Pulls, s.TasksAssigned, s.Submissions, s.Accepted, s.Declined, s.Failed));
    }

    [Fact]
    public void Pulls_during_a_cooldown_are_counted_as_violations_and_never_taken_back()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask());
        devnet.Pull(); // on cooldown
        devnet.Advance(devnet.Rules.TaskCooldown.TotalSeconds + 1);
        devnet.Submit(devnet.PullTask()); // a checked submission: the validator's own count goes down by one

        Assert.Equal(1L, devnet.Validator.MinerStats()[0].CooldownViolations);
    }

    [Fact]
    public void A_second_submission_of_a_settled_task_while_another_is_assigned_is_a_duplicate()
    {
        var devnet = new DevnetRulesFixture();
        var first = devnet.PullTask();
        devnet.Submit(first);
        devnet.Advance(devnet.Rules.TaskCooldown.TotalSeconds + 1);
        devnet.PullTask();

        devnet.Submit(devnet.Submission(first));

        Assert.Equal(1L, devnet.Validator.MinerStats()[0].DuplicateSubmissions);
    }

    [Fact]
    public void A_submission_refused_for_having_no_task_after_a_settled_one_is_a_duplicate()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask());

        var decision = devnet.Validator.BlacklistSubmission(Header(devnet));

        Assert.True(decision.Blacklisted);
        Assert.Equal(1L, devnet.Validator.MinerStats()[0].DuplicateSubmissions);
    }

    [Fact]
    public void A_submission_with_no_task_before_any_was_settled_is_not_a_duplicate()
    {
        var devnet = new DevnetRulesFixture();

        devnet.Validator.BlacklistSubmission(Header(devnet));

        Assert.Equal(0L, devnet.Validator.MinerStats()[0].DuplicateSubmissions);
    }

    [Fact]
    public async Task A_submission_the_validation_lock_answers_with_feedback_only_is_not_a_duplicate()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Scorer.Gate = new TaskCompletionSource();
        var scoring = devnet.Validator.SubmitAsync(devnet.Submission(task));

        devnet.Submit(devnet.Submission(task)); // the same task while the first is being scored
        devnet.Scorer.Gate.SetResult();
        await scoring;

        Assert.Equal((2L, 0L), (devnet.Validator.MinerStats()[0].Submissions, devnet.Validator.MinerStats()[0].DuplicateSubmissions));
    }
}
