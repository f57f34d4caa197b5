using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Protocol;

namespace Miner.Specs.Devnet;

/// <summary>The devnet validator's submit_results handler and blacklist against bittensor-wire 3.7.</summary>
public sealed class DevnetValidatorSubmitSpecs
{
    [Fact]
    public void A_submission_from_an_unregistered_hotkey_is_echoed_with_an_hour_of_cooldown_and_no_feedback()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        var stranger = devnet.Submission(task) with { Dendrite = new TerminalInfo { Hotkey = Ss58.Encode(DevnetRulesFixture.StrangerKey.PublicKey) } };
        var answer = devnet.Submit(stranger);
        Assert.Null(answer.Feedback);
        Assert.Equal((stranger.Results, stranger.Signature, devnet.Now + 3600), (answer.Results, answer.Signature, answer.CooldownUntil));
    }

    [Fact]
    public void A_wrong_task_id_gets_feedback_only_and_the_task_stays_assigned()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        var answer = devnet.Submit(devnet.Submission(task, taskId: "not-the-task"));
        Assert.Equal((0.0, 0L, "", ""), (answer.Feedback!.TaskFidelityScore, answer.CooldownUntil, answer.Results, answer.Signature));
        Assert.Equal(task.Id, devnet.State.AssignedTask!.Protocol.Id);
        Assert.Equal(0, devnet.Scorer.Calls);
    }

    [Fact]
    public void The_deprecated_task_field_supplies_the_id_when_task_id_is_empty()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        var answer = devnet.Submit(devnet.Submission(task, taskId: "") with { Task = task });
        Assert.Equal(0.8, answer.Feedback!.TaskFidelityScore);
    }

    [Fact]
    public void A_licence_signature_by_another_key_costs_the_cooldown_plus_the_penalty()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Advance(10);
        var answer = devnet.Submit(devnet.Submission(task, signer: DevnetRulesFixture.StrangerKey));
        Assert.Equal(890, answer.CooldownUntil - devnet.Now);
        Assert.Equal((0, 1L), (devnet.Scorer.Calls, devnet.Validator.Stats.Snapshot().Penalties));
        Assert.Null(devnet.State.AssignedTask);
    }

    [Fact]
    public async Task A_licence_signature_that_is_not_base64_of_64_bytes_makes_the_handler_throw_as_the_validator_does()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        await Assert.ThrowsAsync<FormatException>(() => devnet.Validator.SubmitAsync(devnet.Submission(task) with { Signature = "not base64!" }));
    }

    [Fact]
    public void A_checked_submission_takes_one_violation_off()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask(), results: "");
        devnet.Pull();
        devnet.Pull();
        devnet.Advance(300);
        devnet.Submit(devnet.PullTask(), results: "");
        Assert.Equal(1L, devnet.State.CooldownViolations);
    }

    [Fact]
    public async Task A_second_submission_during_the_validation_lock_gets_feedback_only()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Scorer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = devnet.Validator.SubmitAsync(devnet.Submission(task));
        var second = devnet.Submit(task);
        Assert.Equal((0.0, task.Id), (second.Feedback!.TaskFidelityScore, devnet.State.AssignedTask!.Protocol.Id));
        devnet.Scorer.Gate.SetResult();
        Assert.Equal(0.8, (await first).Feedback!.TaskFidelityScore);
        Assert.Equal(1, devnet.Scorer.Calls);
    }

    [Fact]
    public void The_validation_lock_lasts_its_duration_from_the_whole_second()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Validator.EditMinerState(devnet.MinerHotkey, m => m.LastSubmitTime = devnet.Now); // the resubmit guard holds the task
        devnet.Submit(task);
        Assert.Equal(devnet.Now + 30, devnet.State.ValidationLockedUntil);
    }

    [Fact]
    public void A_result_within_the_resubmit_guard_of_the_last_accepted_one_gets_feedback_only()
    {
        var devnet = new DevnetRulesFixture();
        var task = devnet.PullTask();
        devnet.Validator.EditMinerState(devnet.MinerHotkey, m => m.LastSubmitTime = devnet.Now - 269);
        var answer = devnet.Submit(task);
        Assert.Equal(0.0, answer.Feedback!.TaskFidelityScore);
        Assert.Equal(task.Id, devnet.State.AssignedTask!.Protocol.Id);
        Assert.Equal(1L, devnet.Validator.Stats.Snapshot().FeedbackOnly);
    }

    [Fact]
    public void A_score_under_the_quality_threshold_costs_the_penalty_and_reports_no_validation_failure()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Scorer.Next = new SubmissionScore(0.59, "fixed");
        var answer = devnet.Submit(devnet.PullTask());
        Assert.Equal((false, 0.0, 900L), (answer.Feedback!.ValidationFailed, answer.Feedback.TaskFidelityScore, answer.CooldownUntil - devnet.Now));
    }

    [Fact]
    public void An_accepted_result_updates_the_moving_average_window_and_reward()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Scorer.Next = new SubmissionScore(1.4, "fixed");
        var feedback = devnet.Submit(devnet.PullTask()).Feedback!;
        Assert.Equal((1.0, 1.0, 1L, 1500.0, 1500.0),
            (feedback.TaskFidelityScore, feedback.AverageFidelityScore, feedback.GenerationsWithinTheWindow, feedback.CurrentDuelRating, feedback.CurrentMinerReward));
        devnet.Advance(300);
        devnet.Scorer.Next = new SubmissionScore(0.6, "fixed");
        feedback = devnet.Submit(devnet.PullTask()).Feedback!;
        Assert.Equal(0.95 + 0.05 * 0.6, feedback.AverageFidelityScore, 12);
        Assert.Equal((2L, 3000.0), (feedback.GenerationsWithinTheWindow, feedback.CurrentMinerReward));
    }

    [Fact]
    public void Results_older_than_four_hours_leave_the_window()
    {
        var devnet = new DevnetRulesFixture();
        devnet.Submit(devnet.PullTask());
        devnet.Advance(4 * 3600 + 1);
        Assert.Equal(1L, devnet.Submit(devnet.PullTask()).Feedback!.GenerationsWithinTheWindow);
    }

    [Fact]
    public void A_validator_that_never_accepts_scores_everything_zero_with_the_penalty()
    {
        var devnet = new DevnetRulesFixture(acceptance: DevnetAcceptance.ScoreZero);
        devnet.Scorer.Next = new SubmissionScore(1.0, "perfect");
        var answer = devnet.Submit(devnet.PullTask());
        Assert.Equal((0.0, 900L, 0), (answer.Feedback!.TaskFidelityScore, answer.CooldownUntil - devnet.Now, devnet.Scorer.Calls));
    }

    [Fact]
    public void A_validator_whose_validation_fails_reports_it_without_penalty()
    {
        var devnet = new DevnetRulesFixture(acceptance: DevnetAcceptance.FailValidation);
        var answer = devnet.Submit(devnet.PullTask());
        Assert.Equal((true, 300L), (answer.Feedback!.ValidationFailed, answer.CooldownUntil - devnet.Now));
        Assert.Equal((1L, 0L), (devnet.Validator.Stats.Snapshot().ValidationFailed, devnet.Validator.Stats.Snapshot().Penalties));
    }

    [Fact]
    public void The_blacklist_refuses_an_unregistered_hotkey_in_the_validators_words()
    {
        var devnet = new DevnetRulesFixture();
        var stranger = Ss58.Encode(DevnetRulesFixture.StrangerKey.PublicKey);
        var decision = devnet.Validator.BlacklistSubmission(new PullTask { Dendrite = new TerminalInfo { Hotkey = stranger, Ip = "127.0.0.1" } });
        Assert.Equal((true, $"Unrecognized hotkey {stranger} (127.0.0.1)"), (decision.Blacklisted, decision.Reason));
    }

    [Fact]
    public void The_blacklist_refuses_a_miner_with_no_task_assigned_in_the_validators_words()
    {
        var devnet = new DevnetRulesFixture();
        var decision = devnet.Validator.BlacklistSubmission(new PullTask { Dendrite = new TerminalInfo { Hotkey = devnet.MinerHotkey } });
        Assert.Equal((true, "[10] submitted results while having no task assigned. It could happen if validator restarts or miner faults"),
            (decision.Blacklisted, decision.Reason));
    }

    [Fact]
    public void The_blacklist_lets_a_miner_with_an_assigned_task_through()
    {
        var devnet = new DevnetRulesFixture();
        devnet.PullTask();
        Assert.False(devnet.Validator.BlacklistSubmission(new PullTask { Dendrite = new TerminalInfo { Hotkey = devnet.MinerHotkey } }).Blacklisted);
    }
}
