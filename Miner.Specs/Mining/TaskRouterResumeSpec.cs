using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Actors.Generation;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Routing;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Mining;

/// <summary>The operator's drain (<see cref="StopPulling"/>) and its undo (<see cref="ResumePulling"/>) at the router.</summary>
public sealed class TaskRouterResumeSpec : MinerSpec
{
    private readonly TestProbe _poller;
    private readonly TestProbe _gpu;
    private readonly IActorRef _router;

    public TaskRouterResumeSpec()
    {
        _poller = CreateTestProbe("v-a");
        _gpu = CreateTestProbe("gpu-0");
        var options = new MiningOptions { TargetTime = TimeSpan.FromSeconds(30), GpuResultTimeout = TimeSpan.FromMinutes(5) };
        _router = StartActor(Props.Create(() => new TaskRouter(CreateTestProbe("submitter").Ref, options, new RoundRobinPickPolicy(), new Random(3), null)), "router");
        _router.Tell(new PollerStarted(new ValidatorInfo(1, "a", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9001, "a"), 5000), _poller.Ref));
    }

    [Fact]
    public void Resume_after_stop_pulling_pulls_again_for_the_slots_asked_for()
    {
        _router.Tell(StopPulling.Instance, TestActor.Ref);
        TestActor.ExpectMsg<PullingStopped>();
        _gpu.Send(_router, new WorkRequest("gpu-0", 1));
        ExpectNoMsgSettled(_poller);

        _router.Tell(ResumePulling.Instance, TestActor.Ref);

        Assert.Equal(new PullingResumed(WasStopped: true, InFlight: 0), TestActor.ExpectMsg<PullingResumed>());
        _poller.ExpectMsg<PullNow>();
    }

    [Fact]
    public void Resume_when_pulling_was_not_stopped_changes_nothing()
    {
        _router.Tell(ResumePulling.Instance, TestActor.Ref);

        Assert.False(TestActor.ExpectMsg<PullingResumed>().WasStopped);
        ExpectNoMsgSettled(_poller);
    }
}
