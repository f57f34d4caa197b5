using System.Net;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Submission;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class TaskRouterSpec : MinerSpec
{
    private readonly MiningOptions _options = new() { TargetTime = TimeSpan.FromSeconds(30), GpuResultTimeout = TimeSpan.FromMinutes(5) };
    private readonly TestProbe _submitter;
    private readonly TestProbe _pollerA;
    private readonly TestProbe _pollerB;
    private readonly TestProbe _gpu;
    private readonly IActorRef _router;

    public TaskRouterSpec()
    {
        _submitter = CreateTestProbe("submitter");
        _pollerA = CreateTestProbe("v-a");
        _pollerB = CreateTestProbe("v-b");
        _gpu = CreateTestProbe("gpu-0");
        _router = StartActor(Props.Create(() => new TaskRouter(_submitter.Ref, _options, new RoundRobinPickPolicy(), new Random(3))), "router");
        _router.Tell(new PollerStarted(Validator(1, "a"), _pollerA.Ref));
        _router.Tell(new PollerStarted(Validator(2, "b"), _pollerB.Ref));
    }

    private static ValidatorInfo Validator(int uid, string hotkey) => new(uid, hotkey, new AxonTarget(IPAddress.Parse("203.0.113.9"), 9000 + uid, hotkey), 5000);

    private GenerationTask Dispatch(string taskId = "t1")
    {
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text(taskId, "a red apple"), Clock.Now, pull.RequestId));
        return _gpu.ExpectMsg<GenerationTask>();
    }

    [Fact]
    public void Nothing_is_pulled_until_a_GPU_asks_for_work()
    {
        Advance(TimeSpan.FromMinutes(10));
        ExpectNoMsgSettled(_pollerA);
        ExpectNoMsgSettled(_pollerB);
    }

    [Fact]
    public void Pulls_match_the_slots_the_GPUs_asked_for()
    {
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        _pollerA.ExpectMsg<PullNow>();
        ExpectNoMsgSettled(_pollerB);
        _gpu.Send(_router, new WorkRequest("gpu-0", 2));
        _pollerB.ExpectMsg<PullNow>();
        ExpectNoMsgSettled(_pollerA);
    }

    [Fact]
    public void A_pulled_task_goes_to_the_GPU_that_asked_with_the_target_deadline()
    {
        var start = Clock.Now;
        var task = Dispatch();
        Assert.Equal(("t1", TaskKind.Text, "a red apple"), (task.TaskId, task.Kind, task.Prompt));
        Assert.Equal(start + _options.TargetTime, task.Deadline);
    }

    [Fact]
    public void A_pull_that_brings_no_task_is_replaced_by_a_pull_from_another_validator()
    {
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new PollerAvailability("a", false, Clock.Now.AddMinutes(5), "cooldown", pull.RequestId));
        _pollerB.ExpectMsg<PullNow>();
    }

    [Fact]
    public void A_result_goes_to_the_submitter_with_the_protocol_context()
    {
        var task = Dispatch();
        _gpu.Send(_router, new GenerationResult(task.TaskId, "gpu-0", GenerationOutcome.Generated, new Models.Splats.GaussianCloud(10, 0), "ok", [], null));
        var request = _submitter.ExpectMsg<SubmitRequest>();
        Assert.Equal(("t1", "a", GenerationOutcome.Generated), (request.TaskId, request.Validator.Hotkey, request.Outcome));
        Assert.Equal("a red apple", request.Task.Prompt);
    }

    [Fact]
    public void Router_declines_the_task_of_a_GPU_that_died()
    {
        Dispatch();
        Sys.Stop(_gpu.Ref);
        var request = _submitter.ExpectMsg<SubmitRequest>();
        Assert.Equal(("t1", GenerationOutcome.Declined), (request.TaskId, request.Outcome));
        Assert.Contains("stopped with the task in hand", request.Reason);
    }

    [Fact]
    public void A_GPU_silent_past_the_result_timeout_has_its_task_declined_and_a_late_result_is_ignored()
    {
        var task = Dispatch();
        Advance(_options.GpuResultTimeout);
        Assert.Equal(GenerationOutcome.Declined, _submitter.ExpectMsg<SubmitRequest>().Outcome);
        _gpu.Send(_router, new GenerationResult(task.TaskId, "gpu-0", GenerationOutcome.Generated, null, "late", [], null));
        ExpectNoMsgSettled(_submitter);
    }

    [Fact]
    public void A_task_no_GPU_takes_is_declined_after_the_result_timeout()
    {
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerA.ExpectMsg<PullNow>();
        _router.Tell(new GpuHealthChanged("gpu-0", false, "quarantined"));
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text("t9", "x"), Clock.Now, pull.RequestId));
        ExpectNoMsgSettled(_gpu);
        Advance(_options.GpuResultTimeout);
        var request = _submitter.ExpectMsg<SubmitRequest>();
        Assert.Equal(("t9", GenerationOutcome.Declined), (request.TaskId, request.Outcome));
    }

    [Fact]
    public void An_unhealthy_GPU_has_no_work_pulled_for_it()
    {
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerA.ExpectMsg<PullNow>();
        _router.Tell(new GpuHealthChanged("gpu-0", false, "stage keeps failing"));
        _pollerA.Reply(new PollerAvailability("a", false, null, "cooldown", pull.RequestId));
        _router.Tell(new PollerAvailability("a", true, null, "available"));
        ExpectNoMsgSettled(_pollerA);
        ExpectNoMsgSettled(_pollerB);
    }

    [Fact]
    public void The_same_task_pulled_again_while_in_flight_is_not_dispatched_twice()
    {
        Dispatch();
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerB.ExpectMsg<PullNow>();
        _pollerB.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text("t1", "a red apple"), Clock.Now, pull.RequestId));
        ExpectNoMsgSettled(_gpu);
    }

    [Fact]
    public void A_finished_submission_leaves_the_in_flight_table()
    {
        var task = Dispatch();
        _gpu.Send(_router, new GenerationResult(task.TaskId, "gpu-0", GenerationOutcome.Declined, null, "gate", [], null));
        _submitter.ExpectMsg<SubmitRequest>();
        Assert.Single(Await(_router.Ask<InFlightTasks>(new GetInFlightTasks(), TimeSpan.FromSeconds(1))).Tasks);
        _submitter.Reply(new SubmissionFinished("t1", "a", true, true, false, "declined"));
        Assert.Empty(Await(_router.Ask<InFlightTasks>(new GetInFlightTasks(), TimeSpan.FromSeconds(1))).Tasks);
    }

    [Fact]
    public void With_two_GPUs_a_task_is_held_for_the_first_idle_card_rather_than_queued_behind_a_running_one()
    {
        var gpu1 = CreateTestProbe("gpu-1");
        var first = Dispatch("t1"); // gpu-0 runs t1
        gpu1.Send(_router, new WorkRequest("gpu-1", 1));
        var pullB = _pollerB.ExpectMsg<PullNow>();
        _pollerB.Reply(new TaskPulled(Validator(2, "b"), ProtocolTask.Text("t2", "a blue cup"), Clock.Now, pullB.RequestId));
        Assert.Equal("t2", gpu1.ExpectMsg<GenerationTask>().TaskId); // the idle card gets it
        _gpu.Send(_router, new WorkRequest("gpu-0", 1)); // gpu-0 asks for a prefetch while it runs t1
        gpu1.Send(_router, new WorkRequest("gpu-1", 1)); // so does gpu-1 while it runs t2
        _router.Tell(new PollerAvailability("a", true, null, "available")); // a's validator (a probe here) may be pulled again
        var pullA = _pollerA.ExpectMsg<PullNow>();
        _pollerA.Reply(new TaskPulled(Validator(1, "a"), ProtocolTask.Text("t3", "a green hat"), Clock.Now, pullA.RequestId));
        ExpectNoMsgSettled(_gpu);
        ExpectNoMsgSettled(gpu1);
        gpu1.Send(_router, new GenerationResult("t2", "gpu-1", GenerationOutcome.Generated, new Models.Splats.GaussianCloud(10, 0), "ok", [], null));
        Assert.Equal("t3", gpu1.ExpectMsg<GenerationTask>().TaskId); // the card that freed first
        ExpectNoMsgSettled(_gpu);
        Assert.Equal("t1", first.TaskId);
    }

    [Fact]
    public void A_single_GPU_gets_its_prefetched_task_while_it_is_busy()
    {
        Dispatch("t1");
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        var pull = _pollerB.ExpectMsg<PullNow>();
        _pollerB.Reply(new TaskPulled(Validator(2, "b"), ProtocolTask.Text("t2", "a blue cup"), Clock.Now, pull.RequestId));
        Assert.Equal("t2", _gpu.ExpectMsg<GenerationTask>().TaskId);
    }
}
