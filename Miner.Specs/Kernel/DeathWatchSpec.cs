using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 24: Watch, WatchWith, Unwatch.</summary>
public sealed class DeathWatchSpec : ActorSpec
{
    private IActorRef NewEcho(string name) => Sys.ActorOf(Props.Create(() => new Echo()), name);

    [Fact]
    public void A_watcher_receives_Terminated_with_existence_confirmed_when_the_actor_stops()
    {
        var target = NewEcho("target");
        TestActor.Watch(target);
        Sys.Stop(target);
        Assert.True(TestActor.ExpectTerminated(target).ExistenceConfirmed);
    }

    [Fact]
    public void Watching_an_actor_that_already_stopped_delivers_Terminated_without_existence_confirmed()
    {
        var target = NewEcho("gone");
        Sys.Stop(target);
        Drain();
        TestActor.Watch(target);
        Assert.False(TestActor.ExpectTerminated(target).ExistenceConfirmed);
    }

    [Fact]
    public void Terminated_is_delivered_once_even_when_watched_twice()
    {
        var target = NewEcho("twice");
        TestActor.Watch(target);
        TestActor.Watch(target);
        Sys.Stop(target);
        TestActor.ExpectTerminated(target);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        var target = NewEcho("unwatched");
        var watcher = Sys.ActorOf(Props.Create(() => new UnwatchesOnRequest(target, TestActor.Ref)), "watcher");
        Drain();
        Sys.Stop(target);
        watcher.Tell("unwatch");
        Drain();
        TestActor.ExpectMsg("unwatched");
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void WatchWith_delivers_the_given_message_instead_of_Terminated()
    {
        var target = NewEcho("custom");
        Sys.ActorOf(Props.Create(() => new WatchesWith(target, TestActor.Ref)), "custom-watcher");
        Drain();
        Sys.Stop(target);
        TestActor.ExpectMsg("custom: target gone");
    }

    [Fact]
    public void Watching_yourself_is_ignored()
    {
        var actor = Sys.ActorOf(Props.Create(() => new WatchesItself(TestActor.Ref)), "narcissus");
        TestActor.ExpectMsg("watched myself");
        TestActor.Watch(actor);
        Sys.Stop(actor);
        TestActor.ExpectTerminated(actor);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void An_unhandled_Terminated_stops_the_watcher_with_a_DeathPactException()
    {
        var target = NewEcho("pact-target");
        var watcher = Sys.ActorOf(Props.Create(() => new IgnoresTerminated(target)), "pact-watcher");
        TestActor.Watch(watcher);
        var events = EventFilter.Expect<SupervisionEvent>(1, () => Sys.Stop(target));
        Assert.IsType<DeathPactException>(events[0].Cause);
        TestActor.ExpectTerminated(watcher);
    }

    private sealed class UnwatchesOnRequest : ReceiveActor
    {
        public UnwatchesOnRequest(IActorRef target, IActorRef report)
        {
            Context.Watch(target);
            Receive<string>(_ =>
            {
                Context.Unwatch(target);
                report.Tell("unwatched");
            });
            Receive<Terminated>(t => report.Tell(t));
        }
    }

    private sealed class WatchesWith : ReceiveActor
    {
        public WatchesWith(IActorRef target, IActorRef report)
        {
            Context.WatchWith(target, "custom: target gone");
            Receive<string>(s => report.Tell(s));
        }
    }

    private sealed class WatchesItself : ReceiveActor
    {
        public WatchesItself(IActorRef report)
        {
            Context.Watch(Self);
            report.Tell("watched myself");
            Receive<Terminated>(t => report.Tell(t));
        }
    }

    private sealed class IgnoresTerminated : ReceiveActor
    {
        public IgnoresTerminated(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }
}
