using Akka.Actor;
using Akka.Event;
using Miner.Actors.Generation;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.Generation.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation;

/// <summary>The stage actors on their own: answers by message, status while busy, failure by throwing.</summary>
public sealed class GenerationStageSpec : MinerSpec
{
    private readonly FakeImageTo3D _trellis;

    public GenerationStageSpec() => _trellis = new FakeImageTo3D(Clock);

    private IActorRef Trellis() => Stage(TrellisStage.Props(_trellis, TimeSpan.FromSeconds(45), 0.5), "trellis");

    private IActorRef Ply(FakeGate gate) =>
        Stage(PlyWriteStage.Props(gate, new SplatOptions(), TimeSpan.FromSeconds(20), InlineTaskScheduler.Instance), "ply");

    /// <summary>
    /// Starts a stage under a parent of its own, as a card would hold it. A failure is handled by the parent's
    /// supervision (Akka's default strategy here) in a turn on the spec's deterministic dispatcher, so a drain covers
    /// it. A top-level stage's failure goes to the user guardian instead, whose handling a drain did not cover (its
    /// Error event was sometimes published after the drain returned).
    /// </summary>
    private IActorRef Stage(Props stage, string name)
    {
        var parent = Sys.ActorOf(Props.Create(() => new StageParent(stage, name)), "card");
        return Await(parent.Ask<IActorRef>(StageParent.GetStage.Instance, Timeout.InfiniteTimeSpan));
    }

    private sealed class StageParent : ReceiveActor
    {
        public StageParent(Props stage, string name)
        {
            var child = Context.ActorOf(stage, name);
            Receive<GetStage>(_ => Sender.Tell(child));
        }

        public sealed record GetStage
        {
            public static GetStage Instance { get; } = new();
        }
    }

    [Fact]
    public void A_stage_answers_its_result_as_a_message_correlated_by_task_and_attempt()
    {
        var stage = Trellis();
        TestActor.Send(stage, new TrellisRequest("t1", 3, new RgbaImage(4, 4), 11));
        var done = TestActor.ExpectMsg<StageCompleted>();
        Assert.Equal(("t1", 3, "trellis"), (done.TaskId, done.Attempt, done.Stage));
        Assert.Equal(200, Assert.IsType<ActivatedSplats>(done.Output).Count);
    }

    [Fact]
    public void A_stage_answers_status_while_its_backend_call_runs()
    {
        _trellis.Script.Default = FakeCall.Hang;
        var stage = Trellis();
        TestActor.Send(stage, new TrellisRequest("t1", 2, new RgbaImage(4, 4), 11));
        Advance(TimeSpan.FromSeconds(5));
        var asker = CreateTestProbe();
        asker.Send(stage, StageStatusQuery.Instance);
        Assert.Equal(new StageStatus("trellis", "t1", 2, Clock.Now - TimeSpan.FromSeconds(5)), asker.ExpectMsg<StageStatus>());
    }

    [Fact]
    public void A_stage_that_times_out_cancels_the_backend_call_and_fails()
    {
        _trellis.Script.Default = FakeCall.Slow(TimeSpan.FromMinutes(5));
        var stage = Trellis();
        TestActor.Send(stage, new TrellisRequest("t1", 1, new RgbaImage(4, 4), 11));
        Advance(TimeSpan.FromSeconds(44));
        Assert.False(_trellis.Script.Tokens[0].IsCancellationRequested);
        var failures = CollectEvents<Error>(() => Advance(TimeSpan.FromSeconds(1)));
        var failure = Assert.IsType<StageFailureException>(Assert.Single(failures).Cause);
        Assert.Equal(StageFailureKind.TimedOut, failure.Kind);
        Assert.True(_trellis.Script.Tokens[0].IsCancellationRequested);
        ExpectNoMsgSettled(TestActor);
    }

    [Theory]
    [InlineData(FakeCallKind.Throw, StageFailureKind.Threw, "CUDA error")]
    [InlineData(FakeCallKind.Null, StageFailureKind.Garbage, "returned null")]
    [InlineData(FakeCallKind.Garbage, StageFailureKind.Garbage, "zero gaussians")]
    public void A_stage_fails_on_a_throw_or_a_garbage_answer_and_never_answers_it(FakeCallKind kind, StageFailureKind expected, string reason)
    {
        _trellis.Script.Default = new FakeCall(kind);
        var stage = Trellis();
        var failures = CollectEvents<Error>(() => TestActor.Send(stage, new TrellisRequest("t1", 1, new RgbaImage(4, 4), 11)));
        var failure = Assert.IsType<StageFailureException>(Assert.Single(failures).Cause);
        Assert.Equal(expected, failure.Kind);
        Assert.Contains(reason, failure.Message);
        ExpectNoMsgSettled(TestActor);
    }

    [Fact]
    public void Mostly_NaN_positions_are_garbage()
    {
        _trellis.Script.Default = FakeCall.NaNPositions;
        var stage = Trellis();
        var failures = CollectEvents<Error>(() => TestActor.Send(stage, new TrellisRequest("t1", 1, new RgbaImage(4, 4), 11)));
        Assert.Contains("NaN or infinite position", Assert.Single(failures).Cause.Message);
    }

    [Fact]
    public void The_ply_stage_writes_finite_logits_and_log_scales_and_normalises_the_extent()
    {
        var splats = FakeImageTo3D.Cloud(50, 3);
        splats.Opacities[0] = 1.0f;
        splats.Opacities[1] = 0.0f;
        splats.Scales[0] = 0;
        var gate = new FakeGate();
        var output = PlyWriteStage.Write(splats, gate, new SplatOptions(), CancellationToken.None);
        Assert.All(output.Cloud.Opacities, logit => Assert.True(float.IsFinite(logit)));
        Assert.All(output.Cloud.Scales, scale => Assert.True(float.IsFinite(scale)));
        var xs = Enumerable.Range(0, 50).Select(i => output.Cloud.Positions[3 * i]).ToArray();
        var ys = Enumerable.Range(0, 50).Select(i => output.Cloud.Positions[3 * i + 1]).ToArray();
        var zs = Enumerable.Range(0, 50).Select(i => output.Cloud.Positions[3 * i + 2]).ToArray();
        Assert.Equal(1.5f, new[] { xs.Max() - xs.Min(), ys.Max() - ys.Min(), zs.Max() - zs.Min() }.Max(), 4);
        Assert.Same(output.Cloud, Assert.Single(gate.Evaluated));
        Assert.Equal(2, output.Repair.OpacitiesClamped);
    }

    [Fact]
    public void The_ply_stage_calls_a_cloud_with_no_finite_rows_garbage_without_asking_the_gate()
    {
        var splats = FakeImageTo3D.Cloud(10, 3);
        for (var i = 0; i < 10; i++) splats.Positions[3 * i] = float.NaN;
        var gate = new FakeGate();
        var stage = Ply(gate);
        var failures = CollectEvents<Error>(() => TestActor.Send(stage, new PlyWriteRequest("t1", 1, splats)));
        Assert.Contains("no usable gaussians after cleaning (10 of 10 dropped", Assert.Single(failures).Cause.Message);
        Assert.Empty(gate.Evaluated);
    }

    [Fact]
    public void The_ply_stage_passes_the_gates_verdict_through()
    {
        var gate = new FakeGate().Then(GateDecision.Retry);
        var stage = Ply(gate);
        TestActor.Send(stage, new PlyWriteRequest("t1", 1, FakeImageTo3D.Cloud(20, 1)));
        var output = Assert.IsType<PlyWriteOutput>(TestActor.ExpectMsg<StageCompleted>().Output);
        Assert.Equal(GateDecision.Retry, output.Verdict.Decision);
    }
}
