using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 25: stash order, capacity, duplicate stash, restart and stop.</summary>
public sealed class StashSpec : ActorSpec
{
    private IActorRef Loader(string name, int? capacity = null)
    {
        var props = Props.Create(() => new ModelLoader(TestActor.Ref));
        return Sys.ActorOf(capacity is { } c ? props.WithStashCapacity(c) : props, name);
    }

    [Fact]
    public void UnstashAll_puts_messages_back_in_their_original_order_ahead_of_newer_ones()
    {
        var loader = Loader("loader");
        loader.Tell("task-1");
        loader.Tell("task-2");
        Drain();
        loader.Tell("loaded");
        loader.Tell("task-3");
        Assert.Equal(new object[] { "done task-1", "done task-2", "done task-3" }, TestActor.ReceiveN(3));
    }

    [Fact]
    public void A_full_stash_throws_StashOverflowException()
    {
        var loader = Loader("small", capacity: 1);
        var events = EventFilter.Expect<SupervisionEvent>(1, () =>
        {
            loader.Tell("task-1");
            loader.Tell("task-2");
        });
        Assert.IsType<StashOverflowException>(events[0].Cause);
    }

    [Fact]
    public void Stashing_the_same_message_twice_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new DoubleStasher(TestActor.Ref)), "double");
        actor.Tell("x");
        Assert.IsType<IllegalActorStateException>(TestActor.ExpectMsg<Exception>());
    }

    [Fact]
    public void Stashed_messages_reach_the_new_incarnation_after_a_restart()
    {
        var loader = Loader("restarting");
        loader.Tell("task-1");
        loader.Tell(Boom.With("driver reset"));
        Drain();
        loader.Tell("loaded");
        TestActor.ExpectMsg("done task-1");
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var loader = Loader("stopping");
        loader.Tell("task-1");
        Drain();
        var letters = EventFilter.DeadLetters(1, () => Sys.Stop(loader));
        Assert.Equal("task-1", letters[0].Message);
    }

    /// <summary>Stashes work until "loaded", like a GPU actor that loads its models first.</summary>
    private sealed class ModelLoader : ReceiveActor
    {
        public ModelLoader(IActorRef report)
        {
            Receive<Boom>(b => throw b.Error);
            Receive<string>(s => s == "loaded", _ =>
            {
                Become(() => Receive<string>(task => report.Tell("done " + task)));
                Stash.UnstashAll();
            });
            Receive<string>(_ => Stash.Stash());
        }
    }

    private sealed class DoubleStasher : ReceiveActor
    {
        public DoubleStasher(IActorRef report) => Receive<string>(_ =>
        {
            Stash.Stash();
            try
            {
                Stash.Stash();
            }
            catch (IllegalActorStateException error)
            {
                report.Tell(error);
            }
        });
    }
}
