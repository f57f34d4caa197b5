using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>The tree snapshot the operator CLI shows.</summary>
public sealed class IntrospectionSpec : ActorSpec
{
    private ActorTreeSnapshot Snapshot() => Await(Sys.SnapshotAsync(TimeSpan.FromSeconds(5)));

    [Fact]
    public void A_snapshot_lists_every_actor_sorted_by_path()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(SupervisorStrategy.Default)), "b-parent");
        Sys.ActorOf(Props.Create(() => new Echo()), "a-echo");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new Echo()), "child"));
        TestActor.ExpectMsg<IActorRef>();
        var paths = Snapshot().Actors.Select(a => a.Path).ToArray();
        Assert.Equal(new[] { "/user", "/user/a-echo", "/user/b-parent", "/user/b-parent/child", "/user/test-actor" }, paths);
    }

    [Fact]
    public void A_snapshot_row_carries_type_uid_state_and_counters()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");
        TestActor.Send(echo, "one");
        TestActor.Send(echo, "two");
        TestActor.ReceiveN(2);
        var row = Snapshot().Find("/user/echo")!;
        Assert.Equal("Echo", row.ActorType);
        Assert.Equal(echo.Path.Uid, row.Uid);
        Assert.Equal(ActorState.Running, row.State);
        Assert.Equal(2, row.MessagesProcessed);
        Assert.Equal(0, row.MailboxDepth);
    }

    [Fact]
    public void A_snapshot_counts_restarts_and_keeps_the_last_failure()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "flaky");
        echo.Tell(Boom.With("cuda out of memory"));
        Drain();
        var row = Snapshot().Find("/user/flaky")!;
        Assert.Equal(1, row.RestartsInWindow);
        Assert.Equal(2, row.Incarnation);
        Assert.Equal("InvalidOperationException", row.LastFailure!.ExceptionType);
        Assert.Equal("cuda out of memory", row.LastFailure.Message);
    }

    [Fact]
    public void Restarts_older_than_the_window_are_not_counted()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "old-failure");
        echo.Tell(Boom.With("long ago"));
        Drain();
        Advance(Sys.Settings.RestartStatsWindow + TimeSpan.FromSeconds(1));
        var row = Snapshot().Find("/user/old-failure")!;
        Assert.Equal(0, row.RestartsInWindow);
        Assert.Equal(1, row.TotalRestarts);
    }

    [Fact]
    public void The_summary_comes_from_the_actor_and_timers_are_listed()
    {
        Sys.ActorOf(Props.Create(() => new Described()), "described");
        Drain();
        var row = Snapshot().Find("/user/described")!;
        Assert.Equal("cooldown until 12:00", row.Summary);
        Assert.Equal(new[] { "cooldown" }, row.TimerKeys);
    }

    [Fact]
    public void Queued_messages_and_stashed_messages_are_counted()
    {
        var stasher = Sys.ActorOf(Props.Create(() => new StashesAll()), "stasher");
        stasher.Tell("a");
        stasher.Tell("b");
        Drain();
        var row = Snapshot().Find("/user/stasher")!;
        Assert.Equal(2, row.StashSize);
    }

    private sealed class Described : ReceiveActor
    {
        public Described() => ReceiveAny(_ => { });

        protected override void PreStart() => Timers.StartSingleTimer("cooldown", "wake", TimeSpan.FromMinutes(5));

        protected internal override string? DescribeState() => "cooldown until 12:00";
    }

    private sealed class StashesAll : ReceiveActor
    {
        public StashesAll() => ReceiveAny(_ => Stash.Stash());
    }
}
