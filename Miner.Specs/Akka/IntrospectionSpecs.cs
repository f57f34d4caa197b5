using Akka.Actor;
using Miner.Actors.Akka.Introspection;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Akka;

/// <summary>
/// Introspection as a message protocol on Akka.NET (<see cref="IntrospectiveReceiveActor"/>,
/// <see cref="IntrospectionClient"/>), on virtual time: nothing here sleeps.
/// </summary>
public sealed class IntrospectionSpecs() : MinerSpec(pump: false)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_tree_of_three_levels_reports_every_actor_with_its_path_and_type()
    {
        var root = Tree("root", ("a", Node.Props(("a1", Node.Props()), ("a2", Counter.Props()))), ("b", Node.Props()));

        var report = Snapshot(root);

        Assert.Equal(
            [
                ("/user/root", "Node"), ("/user/root/a", "Node"), ("/user/root/a/a1", "Node"),
                ("/user/root/a/a2", "Counter"), ("/user/root/b", "Node"),
            ],
            report.All().Select(r => (r.Path, r.ActorType)).ToList());
        Assert.Empty(report.AllUnresponsive());
    }

    [Fact]
    public void The_state_line_comes_from_DescribeState()
    {
        var root = Tree("root", ("counter", Counter.Props()));
        var counter = Child(root, "counter");
        counter.Tell(Counter.Increment.Instance);
        counter.Tell(Counter.Increment.Instance);
        Drain();

        var report = Snapshot(root);

        Assert.Equal("count=2", report.Find("/user/root/counter")!.State);
    }

    [Fact]
    public void Mailbox_depth_counts_the_messages_queued_behind_the_introspect()
    {
        var root = Tree("root");
        var snapshot = IntrospectionClient.SnapshotAsync(root, OneSecond);
        for (var i = 0; i < 3; i++) root.Tell("work");

        var report = Finished(snapshot);

        Assert.Equal(3, report.MailboxDepth);
    }

    [Fact]
    public void Stash_size_counts_the_stashed_messages_and_is_null_for_an_actor_without_a_stash()
    {
        var root = Tree("root", ("stasher", Stasher.Props()));
        var stasher = Child(root, "stasher");
        stasher.Tell("later");
        stasher.Tell("later");
        Drain();

        var report = Snapshot(root);

        Assert.Equal(2, report.Find("/user/root/stasher")!.StashSize);
        Assert.Null(report.StashSize);
    }

    [Fact]
    public void Restarts_are_counted_across_restarts()
    {
        var root = Tree("root", ("fragile", Fragile.Props()));
        var fragile = Child(root, "fragile");
        EventFilter.Exception<InvalidOperationException>().Expect(2, () =>
        {
            fragile.Tell("boom");
            Drain();
            fragile.Tell("boom");
            Drain();
        });

        var report = Snapshot(root);

        Assert.Equal(2, report.Find("/user/root/fragile")!.Restarts);
        Assert.Equal(0, report.Restarts);
    }

    [Fact]
    public void Active_timers_are_listed_by_key()
    {
        var root = Tree("root", ("ticker", Ticker.Props()));

        var report = Snapshot(root);

        Assert.Equal(["heartbeat", "retry"], report.Find("/user/root/ticker")!.Timers);
    }

    [Fact]
    public void A_child_that_never_answers_is_reported_unresponsive_after_the_deadline_while_its_siblings_are_reported()
    {
        var root = Tree("root", ("a", Node.Props()), ("deaf", Deaf.Props()), ("b", Node.Props()));
        var snapshot = IntrospectionClient.SnapshotAsync(root, OneSecond);
        Drain();
        Assert.False(snapshot.IsCompleted);

        Advance(OneSecond);
        var report = Finished(snapshot);

        Assert.Equal(["/user/root/a", "/user/root/b"], report.Children.Select(c => c.Path));
        var deaf = Assert.Single(report.Unresponsive);
        Assert.Equal("/user/root/deaf", deaf.Path);
        Assert.Equal("Deaf", deaf.ActorType);
        Assert.Equal($"no answer within {TimeSpan.FromMilliseconds(800)}", deaf.Reason);
    }

    [Fact]
    public void A_grandchild_that_never_answers_does_not_make_its_parent_unresponsive()
    {
        var root = Tree("root", ("mid", Node.Props(("deaf", Deaf.Props()))));
        var snapshot = IntrospectionClient.SnapshotAsync(root, OneSecond);

        Advance(OneSecond);
        var report = Finished(snapshot);

        Assert.Empty(report.Unresponsive);
        var mid = Assert.Single(report.Children);
        Assert.Equal("/user/root/mid/deaf", Assert.Single(mid.Unresponsive).Path);
    }

    [Fact]
    public void A_plain_ReceiveActor_child_is_reported_not_introspective_without_waiting_for_the_deadline()
    {
        var root = Tree("root", ("plain", Props.Create(() => new Plain())), ("a", Node.Props()));

        var report = Snapshot(root);

        Assert.Equal(["/user/root/a"], report.Children.Select(c => c.Path));
        Assert.Equal(new UnresponsiveActor("/user/root/plain", "Plain", "not introspective"), Assert.Single(report.Unresponsive));
    }

    [Fact]
    public void A_root_that_never_answers_fails_the_snapshot_at_the_timeout()
    {
        var root = StartActor(Deaf.Props(), "root");
        IdentifyRoot(root);
        var snapshot = IntrospectionClient.SnapshotAsync(root, OneSecond);

        Advance(OneSecond);

        var failure = Assert.Throws<AggregateException>(() => Completed(snapshot).Wait());
        Assert.IsType<AskTimeoutException>(failure.InnerException);
    }

    [Fact]
    public void The_text_rendering_has_one_indented_line_per_actor_and_one_per_unresponsive_child()
    {
        var root = Tree("root", ("counter", Counter.Props()), ("plain", Props.Create(() => new Plain())));

        var text = IntrospectionClient.Render(Snapshot(root));

        Assert.Equal(
            """
            /user/root  Node  state=-  mailbox=0  stash=-  restarts=0  timers=-
              /user/root/counter  Counter  state=count=0  mailbox=0  stash=-  restarts=0  timers=-
              ! /user/root/plain (Plain): not introspective

            """.ReplaceLineEndings("\n"),
            text);
    }

    // Builds a root node with the given children and identifies it, so its tree is started.
    private IActorRef Tree(string name, params (string Name, Props Props)[] children)
    {
        var root = StartActor(Node.Props(children), name);
        IdentifyRoot(root);
        return root;
    }

    private IActorRef Child(IActorRef root, string name) =>
        Completed(Sys.ActorSelection(root.Path / name).ResolveOne(Timeout.InfiniteTimeSpan)).Result;

    // A snapshot of a tree where everyone answers: it completes by draining, without moving time.
    private ActorReport Snapshot(IActorRef root) => Finished(IntrospectionClient.SnapshotAsync(root, OneSecond));

    // Drains until the snapshot is done and returns its report.
    private ActorReport Finished(Task<ActorReport> snapshot) => Completed(snapshot).Result;

    private sealed class Node : IntrospectiveReceiveActor
    {
        public Node(IReadOnlyList<(string Name, Props Props)> children)
        {
            foreach (var (name, props) in children) Context.ActorOf(props, name);
            ReceiveAny(_ => { });
        }

        public static Props Props(params (string Name, Props Props)[] children)
        {
            IReadOnlyList<(string Name, Props Props)> list = children;
            return global::Akka.Actor.Props.Create(() => new Node(list));
        }
    }

    private sealed class Counter : IntrospectiveReceiveActor
    {
        private int _count;

        public Counter() => Receive<Increment>(_ => _count++);

        public static Props Props() => global::Akka.Actor.Props.Create(() => new Counter());

        protected override string DescribeState() => $"count={_count}";

        public sealed class Increment
        {
            public static readonly Increment Instance = new();
        }
    }

    private sealed class Stasher : IntrospectiveReceiveActor, IWithUnboundedStash
    {
        public Stasher() => Receive<string>(_ => Stash.Stash());

        public IStash Stash { get; set; } = null!;

        public static Props Props() => global::Akka.Actor.Props.Create(() => new Stasher());
    }

    private sealed class Fragile : IntrospectiveReceiveActor
    {
        public Fragile() => Receive<string>(_ => throw new InvalidOperationException("boom"));

        public static Props Props() => global::Akka.Actor.Props.Create(() => new Fragile());
    }

    private sealed class Ticker : IntrospectiveReceiveActor
    {
        public Ticker() => ReceiveAny(_ => { });

        public static Props Props() => global::Akka.Actor.Props.Create(() => new Ticker());

        protected override void PreStart()
        {
            Timers.StartPeriodicTimer("heartbeat", "beat", TimeSpan.FromSeconds(5));
            Timers.StartSingleTimer("retry", "retry", TimeSpan.FromMinutes(1));
        }
    }

    // Introspective by class, but drops every Introspect: stands for an actor stuck in a long handler.
    private sealed class Deaf : IntrospectiveReceiveActor
    {
        public Deaf() => ReceiveAny(_ => { });

        public static Props Props() => global::Akka.Actor.Props.Create(() => new Deaf());

        protected override bool AroundReceive(Receive receive, object message) =>
            message is Introspect || base.AroundReceive(receive, message);
    }

    private sealed class Plain : ReceiveActor
    {
        public Plain() => ReceiveAny(_ => { });
    }
}
