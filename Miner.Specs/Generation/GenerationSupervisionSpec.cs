using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Supervision;
using Miner.Actors.Generation;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Specs.Generation.Fakes;

namespace Miner.Specs.Generation;

/// <summary>Stage crashes, hangs and garbage: restart with backoff, one retry when the deadline allows, stale answers ignored.</summary>
public sealed class GenerationSupervisionSpec : GenerationSpecBase
{
    [Fact]
    public void A_crashed_stage_is_recreated_after_the_backoff_and_the_task_retried_once()
    {
        Trellis.Script.Then(FakeCall.Throw);
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsgSettled(Router);
        Assert.Equal(1, Trellis.Script.Calls);
        Advance(TimeSpan.FromMilliseconds(1));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal("decode#1 mask#1 trellis#1! trellis#2 ply#2", Stages(result));
    }

    [Fact]
    public void The_backoff_doubles_with_each_consecutive_failure_of_a_stage()
    {
        Options.UnhealthyAfterFailures = 10;
        Trellis.Script.Then(FakeCall.Throw, FakeCall.Throw, FakeCall.Throw);
        var card = StartCard();
        var first = ImageTask();
        Give(card, first);
        Advance(TimeSpan.FromSeconds(1)); // 1 s after the first failure the retry runs and fails
        Assert.Equal(GenerationOutcome.Declined, ExpectResult(first.TaskId).Outcome);
        var second = ImageTask();
        Give(card, second);
        Advance(TimeSpan.FromMilliseconds(1999)); // the stage is absent for 2 s after its second failure
        Assert.Equal(2, Trellis.Script.Calls);
        Advance(TimeSpan.FromMilliseconds(1)); // third call fails; the retry waits 4 s
        Assert.Equal(3, Trellis.Script.Calls);
        Advance(TimeSpan.FromMilliseconds(3999));
        Assert.Equal(3, Trellis.Script.Calls);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(GenerationOutcome.Generated, Router.FishForMessage<GenerationResult>(r => r.TaskId == second.TaskId).Outcome);
    }

    [Fact]
    public void A_stage_that_fails_again_on_the_retry_declines_the_task()
    {
        Trellis.Script.Then(FakeCall.Throw, FakeCall.Throw);
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(1));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("CUDA error", result.Reason);
        Assert.Contains("no retry left", result.Reason);
        Assert.Equal("decode#1 mask#1 trellis#1! trellis#2!", Stages(result));
    }

    [Fact]
    public void A_crash_too_close_to_the_deadline_declines_without_a_retry()
    {
        Mask.Script.Then(FakeCall.Throw);
        var card = StartCard();
        var task = ImageTask(timeLeft: TimeSpan.FromSeconds(10));
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("left before the deadline", result.Reason);
        Assert.Equal(1, Mask.Script.Calls);
    }

    [Fact]
    public void A_hung_stage_times_out_cancels_the_call_and_the_task_is_retried()
    {
        Trellis.Script.Then(FakeCall.Hang);
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(44));
        ExpectNoMsgSettled(Router);
        Advance(TimeSpan.FromSeconds(1));
        Assert.True(Trellis.Script.Tokens[0].IsCancellationRequested);
        Advance(TimeSpan.FromSeconds(1));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        var hung = result.Timings.Single(t => t is { Stage: "trellis", Attempt: 1 });
        Assert.Equal((TimeSpan.FromSeconds(45), false), (hung.Elapsed, hung.Succeeded));
    }

    [Theory]
    [InlineData(FakeCallKind.Null)]
    [InlineData(FakeCallKind.Garbage)]
    public void A_garbage_answer_counts_as_a_failure_and_the_task_is_retried(FakeCallKind kind)
    {
        Trellis.Script.Then(new FakeCall(kind));
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(1));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal(2, Trellis.Script.Calls);
    }

    [Fact]
    public void A_late_answer_of_a_timed_out_call_is_ignored()
    {
        Trellis.Script.Then(FakeCall.Hang, FakeCall.Slow(TimeSpan.FromSeconds(10)));
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(46)); // timeout at 45 s, stage back at 46 s, attempt 2 running
        Trellis.Script.ReleaseHung();      // attempt 1's answer arrives late
        card.Tell(new StageCompleted(task.TaskId, 1, "trellis", FakeImageTo3D.Cloud(10, 1)), card); // and a stale one straight in
        ExpectNoMsgSettled(Router);
        Assert.Empty(Gate.Evaluated);
        Assert.Equal(new GpuStatus("gpu-0", true, task.TaskId, "trellis", 2, 0, 0, 0, 1), StatusOf(card));
        Advance(TimeSpan.FromSeconds(10));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal(200, result.Cloud!.Count);
        Assert.Single(Gate.Evaluated);
        ExpectNoMsgSettled(Router);
    }

    [Fact]
    public void A_crash_in_the_ply_stage_retries_the_ply_stage_with_the_same_gaussians()
    {
        var calls = 0;
        Gate.Decide = () => ++calls == 1 ? throw new InvalidOperationException("gate render failed") : Miner.Models.Validation.GateDecision.Submit;
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(1));
        var result = ExpectResult(task.TaskId);
        Assert.Equal("decode#1 mask#1 trellis#1 ply#1! ply#2", Stages(result));
        Assert.Equal(1, Trellis.Script.Calls);
    }

    [Fact]
    public void Stage_failures_are_logged_by_the_supervisor_and_the_card_itself_is_never_restarted()
    {
        Trellis.Script.Then(FakeCall.Throw, FakeCall.Throw);
        var card = StartCard();
        var events = CollectEvents<Error>(() =>
        {
            Give(card, ImageTask());
            Advance(TimeSpan.FromSeconds(1));
        });
        // Akka logs each failure as an Error from the failed child, written by the supervisor's strategy: the card's
        // stopping strategy, not the user guardian's restarting one.
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal((card.Path / "trellis").ToString(), e.LogSource);
            Assert.Equal(typeof(CauseRecordingStoppingStrategy), e.LogClass);
            Assert.IsType<StageFailureException>(e.Cause);
        });
        Assert.Equal(0, Await(IntrospectionClient.SnapshotAsync(card, TimeSpan.FromSeconds(1))).Restarts);
    }
}
