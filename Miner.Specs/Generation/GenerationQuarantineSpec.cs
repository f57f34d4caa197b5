using Akka.Actor;
using Miner.Actors.Generation;
using Miner.Specs.Generation.Fakes;

namespace Miner.Specs.Generation;

/// <summary>A card whose stages keep failing is quarantined, asks for nothing, and is probed until it recovers.</summary>
public sealed class GenerationQuarantineSpec : GenerationSpecBase
{
    /// <summary>Three consecutive trellis failures: the first task fails twice, the second once.</summary>
    private (GenerationTask First, GenerationTask Second, GenerationTask Queued) FailUntilQuarantined(Card card)
    {
        Trellis.Script.Default = FakeCall.Throw;
        var first = ImageTask();
        var second = ImageTask();
        Give(card.Ref, first);
        Give(card.Ref, second);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(GenerationOutcome.Declined, ExpectResult(first.TaskId).Outcome);
        Router.ExpectMsg(new WorkRequest("gpu-0", 1));
        var queued = ImageTask();
        Give(card.Ref, queued);
        Advance(TimeSpan.FromSeconds(2));
        return (first, second, queued);
    }

    [Fact]
    public void Repeated_stage_failures_across_tasks_mark_the_card_unhealthy_and_decline_what_it_holds()
    {
        var card = new Card(StartCard());
        var (_, second, queued) = FailUntilQuarantined(card);
        var declined = ExpectResult(second.TaskId);
        Assert.Contains("quarantined after 3 consecutive stage failures", declined.Reason);
        Assert.Equal(GenerationOutcome.Declined, ExpectResult(queued.TaskId).Outcome);
        var health = Router.ExpectMsg<GpuHealthChanged>();
        Assert.False(health.Healthy);
        Assert.Contains("CUDA error", health.Reason);
        ExpectNoMsgSettled(Router);
        Assert.False(StatusOf(card.Ref).Healthy);
    }

    [Fact]
    public void An_unhealthy_card_asks_for_no_work_and_declines_a_task_that_was_already_on_its_way()
    {
        var card = new Card(StartCard());
        FailUntilQuarantined(card);
        Router.ReceiveN(3);
        var late = ImageTask();
        Give(card.Ref, late);
        var result = ExpectResult(late.TaskId);
        Assert.Contains("unhealthy", result.Reason);
        Advance(TimeSpan.FromSeconds(25));
        ExpectNoMsgSettled(Router);
    }

    [Fact]
    public void A_failing_probe_keeps_the_card_unhealthy_and_probes_again_after_the_interval()
    {
        var card = new Card(StartCard());
        FailUntilQuarantined(card);
        Router.ReceiveN(3);
        var callsAtQuarantine = Trellis.Script.Calls;
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(callsAtQuarantine + 1, Trellis.Script.Calls);
        ExpectNoMsgSettled(Router);
        Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(callsAtQuarantine + 1, Trellis.Script.Calls);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(callsAtQuarantine + 2, Trellis.Script.Calls);
        Assert.False(StatusOf(card.Ref).Healthy);
    }

    [Fact]
    public void A_passing_probe_marks_the_card_healthy_and_it_asks_for_work_again()
    {
        var card = new Card(StartCard());
        FailUntilQuarantined(card);
        Router.ReceiveN(3);
        Trellis.Script.Default = FakeCall.Succeed;
        Advance(TimeSpan.FromSeconds(30));
        var health = Router.ExpectMsg<GpuHealthChanged>();
        Assert.True(health.Healthy);
        Router.ExpectMsg(new WorkRequest("gpu-0", 2));
        Assert.Equal((64, 64), Mask.Inputs[^1]);
        var task = ImageTask();
        Give(card.Ref, task);
        Assert.Equal(GenerationOutcome.Generated, ExpectResult(task.TaskId).Outcome);
        Assert.Equal(0, StatusOf(card.Ref).ConsecutiveFailures);
    }

    [Fact]
    public void A_hung_probe_times_out_like_any_stage_call()
    {
        var card = new Card(StartCard());
        FailUntilQuarantined(card);
        Router.ReceiveN(3);
        Mask.Script.Then(FakeCall.Hang);
        Trellis.Script.Default = FakeCall.Succeed;
        Advance(TimeSpan.FromSeconds(30 + 10)); // probe 1 hangs in the mask stage for its 10 s timeout
        ExpectNoMsgSettled(Router);
        Assert.True(Mask.Script.Tokens[^1].IsCancellationRequested);
        Advance(TimeSpan.FromSeconds(30));
        Assert.True(Router.ExpectMsg<GpuHealthChanged>().Healthy);
    }

    /// <summary>The card under test.</summary>
    public sealed record Card(IActorRef Ref);
}
