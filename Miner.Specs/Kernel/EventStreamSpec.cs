using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 31: subscriptions by type, automatic removal of stopped subscribers, dead letters.</summary>
public sealed class EventStreamSpec : ActorSpec
{
    private abstract record Fault;

    private sealed record GpuFault : Fault;

    [Fact]
    public void A_subscription_to_a_type_receives_its_subclasses()
    {
        Sys.EventStream.Subscribe(TestActor.Ref, typeof(Fault));
        Sys.EventStream.Publish(new GpuFault());
        TestActor.ExpectMsg<GpuFault>();
    }

    [Fact]
    public void An_event_of_an_unrelated_type_is_not_delivered()
    {
        Sys.EventStream.Subscribe(TestActor.Ref, typeof(Fault));
        Sys.EventStream.Publish("unrelated");
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void A_stopped_subscriber_is_unsubscribed()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new Echo()), "subscriber");
        Sys.EventStream.Subscribe(subscriber, typeof(Fault));
        Sys.Stop(subscriber);
        Drain();
        EventFilter.DeadLetters(0, () => Sys.EventStream.Publish(new GpuFault()));
        EventFilter.DeadLetters(0, () => Sys.EventStream.Publish(new GpuFault()));
    }

    [Fact]
    public void A_disposed_callback_subscription_receives_nothing_more()
    {
        var seen = 0;
        var subscription = Sys.EventStream.Subscribe<Fault>(_ => seen++);
        Sys.EventStream.Publish(new GpuFault());
        subscription.Dispose();
        Sys.EventStream.Publish(new GpuFault());
        Assert.Equal(1, seen);
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_published_as_a_dead_letter()
    {
        var target = Sys.ActorOf(Props.Create(() => new Echo()), "gone");
        Sys.Stop(target);
        Drain();
        var letters = EventFilter.DeadLetters(1, () => TestActor.Send(target, "hello?"));
        Assert.Equal(target, letters[0].Recipient);
        Assert.Equal(TestActor.Ref, letters[0].Sender);
    }
}
