using Miner.Actors.Generation;
using Miner.Specs.Generation.Fakes;

namespace Miner.Specs.Generation;

/// <summary>Demand flows up: a card asks only for the room it has (one running plus the prefetch).</summary>
public sealed class GenerationDemandSpec : GenerationSpecBase
{
    [Fact]
    public void A_new_card_asks_for_one_running_task_plus_the_prefetch()
    {
        StartCard();
        ExpectNoMsgSettled(Router);
    }

    [Fact]
    public void With_no_prefetch_a_card_asks_for_a_single_task()
    {
        Options.Prefetch = 0;
        StartCard();
    }

    [Fact]
    public void A_card_with_a_task_running_and_one_queued_asks_for_nothing_more()
    {
        Trellis.Script.Default = FakeCall.Slow(TimeSpan.FromSeconds(10));
        var card = StartCard();
        Give(card, ImageTask());
        Give(card, ImageTask());
        ExpectNoMsgSettled(Router);
        var status = StatusOf(card);
        Assert.Equal((1, "trellis"), (status.Queued, status.CurrentStage));
    }

    [Fact]
    public void The_card_asks_for_its_next_task_as_soon_as_the_ply_stage_hands_the_cloud_off()
    {
        Trellis.Script.Default = FakeCall.Slow(TimeSpan.FromSeconds(10));
        var card = StartCard();
        var first = ImageTask();
        Give(card, first);
        Give(card, ImageTask());
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(GenerationOutcome.Generated, ExpectResult(first.TaskId).Outcome);
        Router.ExpectMsg(new WorkRequest("gpu-0", 1)); // the second task moved up; one queue slot is free
        ExpectNoMsgSettled(Router);
    }

    [Fact]
    public void A_card_still_owed_a_task_does_not_ask_again_so_a_task_on_its_way_cannot_overfill_it()
    {
        var card = StartCard();
        var only = ImageTask();
        Give(card, only);
        ExpectResult(only.TaskId);
        ExpectNoMsgSettled(Router); // the router still owes one from the first request
        Give(card, ImageTask());
        Router.ExpectMsg(new WorkRequest("gpu-0", 1)); // everything asked for arrived: ask for the free queue slot
    }

    [Fact]
    public void A_task_whose_deadline_passed_in_the_queue_is_declined_without_running()
    {
        Trellis.Script.Default = FakeCall.Slow(TimeSpan.FromSeconds(30));
        var card = StartCard();
        var running = ImageTask();
        var stale = ImageTask(timeLeft: TimeSpan.FromSeconds(20));
        Give(card, running);
        Give(card, stale);
        Advance(TimeSpan.FromSeconds(30));
        ExpectResult(running.TaskId);
        var declined = ExpectResult(stale.TaskId);
        Assert.Equal(GenerationOutcome.Declined, declined.Outcome);
        Assert.Contains("deadline passed", declined.Reason);
        Assert.Equal(1, Trellis.Script.Calls);
    }
}
