using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist rows 1-7: ordering, system-message priority, throughput, senders, unhandled messages.</summary>
public sealed class MessageDeliverySpec : ActorSpec
{
    [Fact]
    public void Messages_from_one_sender_arrive_in_the_order_they_were_sent()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");
        for (var i = 0; i < 100; i++) TestActor.Send(echo, i);
        var received = TestActor.ReceiveN(100);
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), received);
    }

    [Fact]
    public void A_message_sent_right_after_creating_a_child_is_handled_after_the_child_started()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Spawner(TestActor.Ref)), "spawner");
        parent.Tell("go");
        TestActor.ExpectMsg("ctor");
        TestActor.ExpectMsg("preStart");
        TestActor.ExpectMsg("got hello");
    }

    [Fact]
    public void A_stop_request_overtakes_user_messages_already_queued()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Lifecycle(TestActor.Ref)), "stopped-early");
        TestActor.ExpectMsg("ctor");
        TestActor.ExpectMsg("preStart");
        var letters = EventFilter.DeadLetters(2, () =>
        {
            actor.Tell("a");
            actor.Tell("b");
            Sys.Stop(actor);
        });
        TestActor.ExpectMsg("postStop");
        Assert.Equal(new object[] { "a", "b" }, letters.Select(l => l.Message));
    }

    [Fact]
    public void A_child_failure_notice_may_overtake_its_last_user_message_to_the_parent()
    {
        var order = new List<string>();
        var parent = Sys.ActorOf(Props.Create(() => new Recorder(order)), "recorder");
        parent.Tell("spawn");
        Drain();
        order.Clear();
        parent.Tell("trigger");
        Drain();
        Assert.Equal(new[] { "decided InvalidOperationException", "got last words" }, order);
    }

    [Fact]
    public void A_mailbox_yields_its_thread_after_throughput_messages()
    {
        using var kit = new ThroughputKit();
        var order = new List<string>();
        var a = kit.Sys.ActorOf(Props.Create(() => new Appender(order, "a")), "a");
        var b = kit.Sys.ActorOf(Props.Create(() => new Appender(order, "b")), "b");
        kit.Drain();
        for (var i = 0; i < 4; i++)
        {
            a.Tell(i);
            b.Tell(i);
        }
        kit.Drain();
        Assert.Equal(new[] { "a0", "a1", "b0", "b1", "a2", "a3", "b2", "b3" }, order);
    }

    [Fact]
    public void A_message_told_without_a_sender_sees_dead_letters_as_its_sender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SenderReporter(TestActor.Ref)), "sender-reporter");
        actor.Tell("anonymous");
        Assert.Equal(Sys.DeadLetters, TestActor.ExpectMsg<IActorRef>());
    }

    [Fact]
    public void An_unhandled_message_is_published_as_UnhandledMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SenderReporter(TestActor.Ref)), "picky");
        var unhandled = EventFilter.Expect<UnhandledMessage>(1, () => actor.Tell(42));
        Assert.Equal(42, unhandled[0].Message);
        Assert.Equal(actor, unhandled[0].Recipient);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "target");
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)), "forwarder");
        TestActor.Send(forwarder, "via");
        TestActor.ExpectMsg("via");
        Assert.Equal(echo, TestActor.LastSender);
    }

    private sealed class ThroughputKit() : ActorSpec(new ActorSystemSettings { Throughput = 2 });

    private sealed class Spawner : ReceiveActor
    {
        public Spawner(IActorRef report) => Receive<string>(_ =>
        {
            var child = Context.ActorOf(Props.Create(() => new Lifecycle(report)), "child");
            child.Tell("hello");
        });
    }

    /// <summary>Records when its strategy decides on a child failure and when it handles a message.</summary>
    private sealed class Recorder : ReceiveActor
    {
        private readonly List<string> _order;

        public Recorder(List<string> order)
        {
            _order = order;
            Receive<string>(s => s == "spawn", _ => Context.ActorOf(Props.Create(() => new LastWords()), "child"));
            Receive<string>(s => s == "trigger", _ => Context.Child("child")!.Tell("speak"));
            Receive<string>(s => order.Add("got " + s));
        }

        protected internal override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, null, new Decider(Directive.Resume));

        protected internal override void ChildFailed(IActorRef child, Exception cause, Directive directive) =>
            _order.Add("decided " + cause.GetType().Name);
    }

    private sealed class LastWords : ReceiveActor
    {
        public LastWords() => Receive<string>(_ =>
        {
            Context.Parent.Tell("last words");
            throw new InvalidOperationException("after speaking");
        });
    }

    private sealed class Appender : ReceiveActor
    {
        public Appender(List<string> order, string name) => Receive<int>(i => order.Add(name + i));
    }

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef report) => Receive<string>(_ => report.Tell(Sender));
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
