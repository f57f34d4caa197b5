using System.Runtime.CompilerServices;
using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist rows 8-15: restart and stop sequences, refs and names, PoisonPill and Kill.</summary>
public sealed class LifecycleSpec : ActorSpec
{
    private IActorRef StartLifecycle(string name, Func<Props>? childProps = null)
    {
        var actor = Sys.ActorOf(Props.Create(() => new Lifecycle(TestActor.Ref, childProps)), name);
        TestActor.ExpectMsg("ctor");
        TestActor.ExpectMsg("preStart");
        return actor;
    }

    [Fact]
    public void A_restart_calls_PreRestart_on_the_old_instance_then_the_constructor_and_PostRestart_on_a_new_one()
    {
        var actor = StartLifecycle("restarted");
        actor.Tell(Boom.With("bad"));
        TestActor.ExpectMsg<string>(s => s.StartsWith("preRestart bad", StringComparison.Ordinal));
        TestActor.ExpectMsg("postStop");
        TestActor.ExpectMsg("ctor");
        TestActor.ExpectMsg("postRestart bad");
        TestActor.ExpectMsg("preStart");
    }

    [Fact]
    public void A_restarted_actor_keeps_its_mailbox_and_drops_the_failing_message()
    {
        var actor = StartLifecycle("keeps-mailbox");
        actor.Tell("before");
        actor.Tell(Boom.With("fail"));
        actor.Tell("after");
        TestActor.ExpectMsg("got before");
        TestActor.FishForMessage<string>(s => s == "preStart");
        TestActor.ExpectMsg("got after");
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void A_restart_starts_from_a_fresh_state()
    {
        var actor = StartLifecycle("fresh");
        actor.Tell("one");
        actor.Tell(Boom.With("reset"));
        TestActor.FishForMessage<string>(s => s == "preStart");
        TestActor.Send(actor, "count");
        Assert.Equal(0, TestActor.ExpectMsg<int>());
    }

    [Fact]
    public void A_restart_stops_the_children_by_default()
    {
        var childReport = CreateTestProbe("child-report");
        var actor = StartLifecycle("with-child", () => Props.Create(() => new Lifecycle(childReport.Ref)));
        TestActor.Send(actor, "make-child");
        var child = TestActor.ExpectMsg<IActorRef>();
        childReport.ExpectMsg("ctor");
        childReport.ExpectMsg("preStart");
        actor.Tell(Boom.With("parent failure"));
        childReport.ExpectMsg("postStop");
        TestActor.FishForMessage<string>(s => s == "preStart");
        Drain();
        TestActor.Send(actor, "make-child");
        Assert.NotEqual(child, TestActor.ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Children_kept_by_an_overridden_PreRestart_are_restarted_with_the_parent()
    {
        var childReport = CreateTestProbe("child-report");
        var parent = Sys.ActorOf(Props.Create(() => new KeepsChildren(childReport.Ref)), "keeps-children");
        childReport.ExpectMsg("ctor");
        childReport.ExpectMsg("preStart");
        parent.Tell(Boom.With("parent only"));
        childReport.ExpectMsg<string>(s => s.StartsWith("preRestart parent only", StringComparison.Ordinal));
        childReport.ExpectMsg("postStop");
        childReport.ExpectMsg("ctor");
        childReport.ExpectMsg("postRestart parent only");
    }

    [Fact]
    public void A_restart_keeps_the_same_ref_and_is_invisible_to_watchers()
    {
        var actor = StartLifecycle("same-ref");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(actor);
        actor.Tell(Boom.With("invisible"));
        TestActor.FishForMessage<string>(s => s == "preStart");
        actor.Tell("still here");
        TestActor.ExpectMsg("got still here");
        watcher.ExpectNoMsg();
    }

    [Fact]
    public void An_actor_created_again_under_the_same_name_is_a_different_ref()
    {
        var first = StartLifecycle("reborn");
        TestActor.Watch(first);
        Sys.Stop(first);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(first));
        var second = StartLifecycle("reborn");
        Assert.Equal(first.Path.ToString(), second.Path.ToString());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void An_exception_in_PreRestart_is_logged_and_the_restart_goes_on()
    {
        var incarnations = new StrongBox<int>();
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsIn("preRestart", TestActor.Ref, incarnations)), "bad-prerestart");
        EventFilter.Log(LogLevel.Error, "PreRestart threw", 1, () => actor.Tell(Boom.With("x")));
        TestActor.FishForMessage<string>(s => s == "ctor#2");
    }

    [Fact]
    public void An_exception_in_PostRestart_is_a_new_failure()
    {
        var incarnations = new StrongBox<int>();
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsIn("postRestart", TestActor.Ref, incarnations)), "bad-postrestart");
        TestActor.ExpectMsg("ctor#1");
        var events = EventFilter.Expect<SupervisionEvent>(2, () => actor.Tell(Boom.With("first")));
        Assert.IsType<InvalidOperationException>(events[0].Cause);
        Assert.IsType<PostRestartException>(events[1].Cause);
    }

    [Fact]
    public void A_failing_constructor_stops_the_actor_with_an_initialization_failure()
    {
        var probe = CreateTestProbe("watcher");
        var events = EventFilter.Expect<SupervisionEvent>(1, () =>
        {
            var actor = Sys.ActorOf(Props.Create(() => new FailsInConstructor()), "never-starts");
            probe.Watch(actor);
        });
        Assert.Equal(Directive.Stop, events[0].Directive);
        Assert.IsType<ActorInitializationException>(events[0].Cause);
        probe.ExpectMsg<Terminated>();
    }

    [Fact]
    public void An_actor_whose_constructor_failed_is_created_afresh_when_its_supervisor_restarts_it()
    {
        var attempts = new StrongBox<int>();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(new OneForOneStrategy(-1, null, new Decider(Directive.Restart)))), "restarts-init");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new FailsFirstTime(attempts, TestActor.Ref)), "second-try"));
        TestActor.FishForMessage<string>(s => s == "started on attempt 2");
    }

    [Fact]
    public void A_failure_notice_from_an_earlier_incarnation_of_a_child_is_ignored()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(SupervisorStrategy.Default)), "parent");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new Lifecycle(TestActor.Ref)), "kid"));
        var kid = (LocalActorRef)TestActor.FishForMessage<IActorRef>(_ => true);
        Drain();
        var parentCell = ((LocalActorRef)parent).Cell;
        EventFilter.Expect<SupervisionEvent>(0, () =>
            parentCell.Mailbox.PostSystem(new SystemMessage.Failed(kid.Cell, new InvalidOperationException("stale"), kid.Path.Uid + 1)));
    }

    [Fact]
    public void Stopping_an_actor_stops_its_children_first_then_runs_PostStop_then_notifies_watchers()
    {
        var order = new List<string>();
        var parent = Sys.ActorOf(Props.Create(() => new OrderedStop(order, "parent", 2)), "ordered");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(parent);
        Drain();
        using (Sys.EventStream.Subscribe<Terminated>(_ => { }))
        {
            Sys.Stop(parent);
            watcher.ExpectTerminated(parent);
        }
        Assert.Equal(new[] { "parent/0 postStop", "parent/1 postStop", "parent postStop" }, order.Take(2).OrderBy(x => x).Append(order[2]));
    }

    [Fact]
    public void A_stopping_actor_finishes_its_current_message_and_the_rest_become_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StopsSelfOn("stop", TestActor.Ref)), "self-stopper");
        var letters = EventFilter.DeadLetters(2, () =>
        {
            actor.Tell("stop");
            actor.Tell("late-1");
            actor.Tell("late-2");
        });
        TestActor.ExpectMsg("finished stop");
        TestActor.ExpectNoMsg();
        Assert.Equal(new object[] { "late-1", "late-2" }, letters.Select(l => l.Message));
    }

    [Fact]
    public void A_child_name_is_reserved_until_its_Terminated_is_processed()
    {
        var parent = Sys.ActorOf(Props.Create(() => new NameReuser()), "name-reuser");
        TestActor.Send(parent, "reuse");
        Assert.IsType<InvalidActorNameException>(TestActor.ExpectMsg<Exception>());
        TestActor.ExpectMsg("reused after Terminated");
    }

    [Fact]
    public void A_PoisonPill_is_handled_in_mailbox_order()
    {
        var actor = StartLifecycle("poisoned");
        actor.Tell("first");
        actor.Tell(PoisonPill.Instance);
        EventFilter.DeadLetters(1, () => actor.Tell("after the pill"));
        TestActor.ExpectMsg("got first");
        TestActor.ExpectMsg("postStop");
    }

    [Fact]
    public void Kill_fails_the_actor_with_ActorKilledException_which_stops_it()
    {
        var actor = StartLifecycle("killed");
        var events = EventFilter.Expect<SupervisionEvent>(1, () => actor.Tell(Kill.Instance));
        Assert.IsType<ActorKilledException>(events[0].Cause);
        Assert.Equal(Directive.Stop, events[0].Directive);
        TestActor.ExpectMsg("postStop");
    }

    [Fact]
    public void Creating_an_actor_with_new_outside_of_Props_is_refused()
    {
        Assert.Throws<IllegalActorStateException>(() => new Echo());
    }

    [Fact]
    public void A_malformed_child_name_is_refused()
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "a/b"));
    }

    private sealed class KeepsChildren : ReceiveActor
    {
        private readonly IActorRef _childReport;

        public KeepsChildren(IActorRef childReport)
        {
            _childReport = childReport;
            Receive<Boom>(b => throw b.Error);
        }

        protected override void PreStart() => Context.ActorOf(Props.Create(() => new Lifecycle(_childReport)), "kept");

        protected override void PreRestart(Exception reason, object? message) => PostStop();

        protected override void PostRestart(Exception reason) { }
    }

    /// <summary>Reports "ctor#n" per incarnation and throws in the named hook.</summary>
    private sealed class ThrowsIn : ReceiveActor
    {
        private readonly string _where;

        public ThrowsIn(string where, IActorRef report, StrongBox<int> incarnations)
        {
            _where = where;
            report.Tell("ctor#" + ++incarnations.Value);
            Receive<Boom>(b => throw b.Error);
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (_where == "preRestart") throw new InvalidOperationException("in PreRestart");
        }

        protected override void PostRestart(Exception reason)
        {
            if (_where == "postRestart" && reason is not PostRestartException) throw new InvalidOperationException("in PostRestart");
        }
    }

    private sealed class FailsFirstTime : ReceiveActor
    {
        public FailsFirstTime(StrongBox<int> attempts, IActorRef report)
        {
            if (++attempts.Value == 1) throw new InvalidOperationException("GPU not ready");
            report.Tell($"started on attempt {attempts.Value}");
        }
    }

    private sealed class FailsInConstructor : ReceiveActor
    {
        public FailsInConstructor() => throw new InvalidOperationException("no model file");
    }

    private sealed class OrderedStop : ReceiveActor
    {
        private readonly List<string> _order;
        private readonly string _name;

        public OrderedStop(List<string> order, string name, int children)
        {
            _order = order;
            _name = name;
            for (var i = 0; i < children; i++)
            {
                var childName = $"{name}/{i}";
                Context.ActorOf(Props.Create(() => new OrderedStop(order, childName, 0)), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        protected override void PostStop()
        {
            lock (_order) _order.Add(_name + " postStop");
        }
    }

    private sealed class StopsSelfOn : ReceiveActor
    {
        public StopsSelfOn(string trigger, IActorRef report) => Receive<string>(s =>
        {
            if (s == trigger) Context.Stop(Self);
            report.Tell("finished " + s);
        });
    }

    private sealed class NameReuser : ReceiveActor
    {
        private IActorRef? _asker;

        public NameReuser()
        {
            Receive<string>(s => s == "reuse", _ =>
            {
                _asker = Sender;
                var child = Context.Watch(Context.ActorOf(Props.Create(() => new Echo()), "worker"));
                Context.Stop(child);
                try
                {
                    Context.ActorOf(Props.Create(() => new Echo()), "worker");
                }
                catch (InvalidActorNameException error)
                {
                    Sender.Tell(error);
                }
            });
            Receive<Terminated>(_ =>
            {
                Context.ActorOf(Props.Create(() => new Echo()), "worker");
                _asker!.Tell("reused after Terminated");
            });
        }
    }
}
