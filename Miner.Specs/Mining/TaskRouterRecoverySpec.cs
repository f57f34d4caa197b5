using System.Net;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Submission;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;
using LedgerPulled = Miner.Actors.Mining.Ledger.TaskPulled;
using TaskPulled = Miner.Actors.Mining.Polling.TaskPulled;

namespace Miner.Specs.Mining;

/// <summary>The router with a task ledger (a probe here): what it records, and how it resumes after a restart.</summary>
public sealed class TaskRouterRecoverySpec : MinerSpec
{
    private readonly MiningOptions _options = new() { UnansweredSubmissionHold = TimeSpan.FromMinutes(16) };
    private readonly TestProbe _ledger;
    private readonly TestProbe _submitter;
    private readonly TestProbe _pollerA;
    private readonly TestProbe _pollerB;
    private readonly TestProbe _gpu;
    private readonly IActorRef _router;

    public TaskRouterRecoverySpec()
    {
        _ledger = CreateTestProbe("task-ledger");
        _submitter = CreateTestProbe("submitter");
        _pollerA = CreateTestProbe("v-a");
        _pollerB = CreateTestProbe("v-b");
        _gpu = CreateTestProbe("gpu-0");
        _router = StartActor(Props.Create(() => new TaskRouter(_submitter.Ref, _options, new RoundRobinPickPolicy(), new Random(3), _ledger.Ref)), "router");
    }

    private static ValidatorInfo Validator(int uid, string hotkey) => new(uid, hotkey, new AxonTarget(IPAddress.Parse("203.0.113.9"), 9000 + uid, hotkey), 5000);

    private static UnsettledTask Unsettled(string hotkey, string taskId, DateTimeOffset? sentAt = null) =>
        new(new LedgerPulled(hotkey, 2, taskId, TaskKind.Text, "a blue chair", DateTimeOffset.UnixEpoch), sentAt);

    private void StartPollersAndAskForWork()
    {
        _router.Tell(new PollerStarted(Validator(1, "a"), _pollerA.Ref));
        _router.Tell(new PollerStarted(Validator(2, "b"), _pollerB.Ref));
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
    }

    private void LedgerAnswers(params UnsettledTask[] tasks)
    {
        _ledger.ExpectMsg<GetUnsettledTasks>();
        _ledger.Reply(new UnsettledTasks(tasks));
    }

    [Fact]
    public void Nothing_is_pulled_before_the_ledger_says_what_was_in_flight()
    {
        StartPollersAndAskForWork();
        _ledger.ExpectMsg<GetUnsettledTasks>();
        ExpectNoMsgSettled(_pollerA);
        ExpectNoMsgSettled(_pollerB);
    }

    [Fact]
    public void A_validator_holding_our_task_is_pulled_first_after_a_restart()
    {
        LedgerAnswers(Unsettled("b", "t-before"));
        StartPollersAndAskForWork();
        _pollerB.ExpectMsg<PullNow>();
        ExpectNoMsgSettled(_pollerA); // round robin alone would have asked a first
    }

    [Fact]
    public void Until_the_holders_poller_exists_other_validators_wait_for_it()
    {
        LedgerAnswers(Unsettled("b", "t-before"));
        _router.Tell(new PollerStarted(Validator(1, "a"), _pollerA.Ref));
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        ExpectNoMsgSettled(_pollerA);
        _router.Tell(new PollerStarted(Validator(2, "b"), _pollerB.Ref));
        _pollerB.ExpectMsg<PullNow>();
    }

    [Fact]
    public void A_holder_that_never_gets_a_poller_delays_the_others_only_for_the_resume_grace()
    {
        LedgerAnswers(Unsettled("gone", "t-before"));
        _router.Tell(new PollerStarted(Validator(1, "a"), _pollerA.Ref));
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        ExpectNoMsgSettled(_pollerA);
        Advance(TaskRouter.ResumeGrace);
        _pollerA.ExpectMsg<PullNow>();
    }

    [Fact]
    public void A_validator_whose_submission_answer_was_lost_is_not_pulled_before_the_hold_ends()
    {
        var sent = Clock.Now - TimeSpan.FromMinutes(6);
        LedgerAnswers(Unsettled("a", "t-sent", sent));
        _router.Tell(new PollerStarted(Validator(1, "a"), _pollerA.Ref));
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        ExpectNoMsgSettled(_pollerA);
        Advance(TimeSpan.FromSeconds(1));
        _pollerA.ExpectMsg<PullNow>();
    }

    [Fact]
    public void A_silent_ledger_is_asked_again_and_passed_by_after_its_patience()
    {
        StartPollersAndAskForWork();
        _ledger.ExpectMsg<GetUnsettledTasks>();
        Advance(TaskRouter.RecoveryRetry);
        _ledger.ExpectMsg<GetUnsettledTasks>();
        ExpectNoMsgSettled(_pollerA);
        Advance(TaskRouter.RecoveryPatience);
        _pollerA.ExpectMsg<PullNow>();
    }

    [Fact]
    public void A_pull_is_recorded_with_its_validator_and_text_prompt()
    {
        LedgerAnswers();
        StartPollersAndAskForWork();
        var pull = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text("t1", "a red apple"), Clock.Now, pull.RequestId));
        var recorded = Assert.IsType<LedgerPulled>(_ledger.ExpectMsg<RecordTask>().Event);
        Assert.Equal(("a", 1, "t1", "a red apple"), (recorded.ValidatorHotkey, recorded.ValidatorUid, recorded.TaskId, recorded.Prompt));
    }

    [Fact]
    public void An_image_tasks_prompt_is_not_journaled()
    {
        LedgerAnswers();
        StartPollersAndAskForWork();
        var pull = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Image("t1", new string('A', 100_000)), Clock.Now, pull.RequestId));
        var recorded = Assert.IsType<LedgerPulled>(_ledger.ExpectMsg<RecordTask>().Event);
        Assert.Equal((TaskKind.Image, ""), (recorded.Kind, recorded.Prompt));
    }

    /// <summary>A task pulled from a, recorded, generated (declined) and handed to the submitter.</summary>
    private void TaskAtTheSubmitter()
    {
        LedgerAnswers();
        StartPollersAndAskForWork();
        var pull = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text("t1", "a red apple"), Clock.Now, pull.RequestId));
        _ledger.ExpectMsg<RecordTask>();
        var task = _gpu.ExpectMsg<GenerationTask>();
        _gpu.Send(_router, new GenerationResult(task.TaskId, "gpu-0", GenerationOutcome.Declined, null, "spec", [], null));
        _submitter.ExpectMsg<SubmitRequest>();
    }

    [Fact]
    public void An_answered_submission_settles_the_task_in_the_ledger()
    {
        TaskAtTheSubmitter();
        _submitter.Reply(new SubmissionFinished("t1", "a", true, true, false, "declined"));
        Assert.IsType<TaskSettled>(_ledger.ExpectMsg<RecordTask>().Event);
    }

    [Fact]
    public void A_submission_given_up_stays_unsettled()
    {
        TaskAtTheSubmitter();
        _submitter.Reply(new SubmissionFinished("t1", "a", false, true, false, "no answer after 5 attempts"));
        ExpectNoMsgSettled(_ledger);
    }
}
