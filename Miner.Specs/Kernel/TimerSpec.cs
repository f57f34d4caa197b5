using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 26: keyed timers in virtual time.</summary>
public sealed class TimerSpec : ActorSpec
{
    private IActorRef NewTimed(string name) => Sys.ActorOf(Props.Create(() => new Timed(TestActor.Ref)), name);

    [Fact]
    public void A_single_timer_fires_once_after_its_delay()
    {
        var actor = NewTimed("single");
        actor.Tell(new StartSingle("cooldown", "tick", TimeSpan.FromSeconds(300)));
        Advance(TimeSpan.FromSeconds(299));
        TestActor.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("tick");
        Advance(TimeSpan.FromHours(1));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval()
    {
        var actor = NewTimed("periodic");
        actor.Tell(new StartPeriodic("sync", "resync", TimeSpan.FromMinutes(30)));
        Drain();
        Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(new object[] { "resync", "resync", "resync" }, TestActor.ReceiveN(3));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Starting_a_timer_with_the_same_key_discards_a_tick_of_the_old_one_already_queued()
    {
        var actor = NewTimed("replaced");
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        Drain();
        Clock.BetweenItems = null; // queue the replacement, then let the old tick land behind it
        actor.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(5)));
        Advance(TimeSpan.FromSeconds(1));
        Clock.BetweenItems = Drain;
        Drain();
        TestActor.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(5));
        TestActor.ExpectMsg("new");
    }

    [Fact]
    public void A_cancelled_timer_tick_already_queued_is_discarded()
    {
        var actor = NewTimed("cancelled");
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(1)));
        Drain();
        Clock.BetweenItems = null;
        actor.Tell(new CancelTimer("k"));
        Advance(TimeSpan.FromSeconds(1));
        Clock.BetweenItems = Drain;
        Drain();
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Timers_die_with_their_incarnation_on_restart()
    {
        var actor = NewTimed("restarted");
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(10)));
        actor.Tell(Boom.With("restart"));
        Drain();
        Advance(TimeSpan.FromSeconds(10));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = NewTimed("stopped");
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        Drain();
        Sys.Stop(actor);
        Drain();
        Advance(TimeSpan.FromSeconds(5));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void An_active_timer_is_reported_by_its_key()
    {
        var actor = NewTimed("active");
        actor.Tell(new StartSingle("cooldown-v1", "tick", TimeSpan.FromSeconds(10)));
        TestActor.Send(actor, "active?");
        Assert.True(TestActor.ExpectMsg<bool>());
    }

    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed class Timed : ReceiveActor
    {
        public Timed(IActorRef report)
        {
            Receive<StartSingle>(s => Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<StartPeriodic>(s => Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval));
            Receive<CancelTimer>(c => Timers.Cancel(c.Key));
            Receive<Boom>(b => throw b.Error);
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("cooldown-v1")));
            Receive<string>(s => report.Tell(s));
        }
    }
}
