using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist rows 16-21: directives, deciders, OneForOne and AllForOne, restart budgets, logging, the guardian.</summary>
public sealed class SupervisionSpec : ActorSpec
{
    private sealed class CudaOutOfMemory(string message) : Exception(message);

    private sealed class ModelFileMissing(string message) : Exception(message);

    private IActorRef ChildOf(IActorRef parent, string name)
    {
        TestActor.Send(parent, new CreateChild(Props.Create(() => new Counter(TestActor.Ref)), name));
        return TestActor.ExpectMsg<IActorRef>();
    }

    private IActorRef ParentWith(SupervisorStrategy strategy, string name = "parent") =>
        Sys.ActorOf(Props.Create(() => new Parent(strategy)), name);

    private int CountOf(IActorRef counter)
    {
        TestActor.Send(counter, "count");
        return TestActor.ExpectMsg<int>();
    }

    [Fact]
    public void The_first_matching_decider_rule_wins()
    {
        var decider = new Decider(Directive.Escalate)
            .When<CudaOutOfMemory>(Directive.Restart)
            .When<Exception>(Directive.Resume)
            .When<ModelFileMissing>(Directive.Stop);
        Assert.Equal(Directive.Restart, decider.Decide(new CudaOutOfMemory("oom")));
        Assert.Equal(Directive.Resume, decider.Decide(new ModelFileMissing("shadowed by the Exception rule")));
    }

    [Fact]
    public void A_decider_without_a_matching_rule_returns_its_fallback()
    {
        var decider = new Decider(Directive.Escalate).When<CudaOutOfMemory>(Directive.Restart);
        Assert.Equal(Directive.Escalate, decider.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void The_default_decider_stops_on_initialization_kill_and_death_pact_and_restarts_otherwise()
    {
        var decider = Decider.Default;
        Assert.Equal(Directive.Stop, decider.Decide(new ActorInitializationException("/user/x", new Exception())));
        Assert.Equal(Directive.Stop, decider.Decide(new ActorKilledException("k")));
        Assert.Equal(Directive.Stop, decider.Decide(new DeathPactException("d")));
        Assert.Equal(Directive.Restart, decider.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void Resume_keeps_the_child_state()
    {
        var parent = ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Resume)));
        var child = ChildOf(parent, "resumed");
        child.Tell("tick");
        child.Tell(Boom.With("transient"));
        Assert.Equal(1, CountOf(child));
    }

    [Fact]
    public void Restart_gives_the_child_a_fresh_state()
    {
        var parent = ParentWith(SupervisorStrategy.Default);
        var child = ChildOf(parent, "restarted");
        child.Tell("tick");
        child.Tell(Boom.With("crash"));
        Assert.Equal(0, CountOf(child));
    }

    [Fact]
    public void The_Stop_directive_stops_the_child()
    {
        var parent = ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Stop)));
        var child = ChildOf(parent, "stopped");
        TestActor.Watch(child);
        child.Tell(Boom.With("fatal"));
        TestActor.ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_with_the_same_cause()
    {
        var grandparent = ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Resume)), "grandparent");
        TestActor.Send(grandparent, new CreateChild(Props.Create(() => new Parent(new OneForOneStrategy(-1, null, new Decider(Directive.Escalate)))), "parent"));
        var parent = TestActor.ExpectMsg<IActorRef>();
        var child = ChildOf(parent, "child");
        var error = new CudaOutOfMemory("escalated");
        var events = EventFilter.Expect<SupervisionEvent>(2, () => child.Tell(new Boom(error)));
        Assert.Equal(Directive.Escalate, events[0].Directive);
        Assert.Equal(parent.Path.ToString(), events[1].Child);
        Assert.Same(error, events[1].Cause);
    }

    [Fact]
    public void A_child_resumed_after_an_escalation_fails_again_on_its_next_error()
    {
        var grandparent = ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Resume)), "grandparent");
        TestActor.Send(grandparent, new CreateChild(Props.Create(() => new Parent(new OneForOneStrategy(-1, null, new Decider(Directive.Escalate)))), "parent"));
        var parent = TestActor.ExpectMsg<IActorRef>();
        var child = ChildOf(parent, "child");
        EventFilter.Expect<SupervisionEvent>(2, () => child.Tell(Boom.With("first")));
        EventFilter.Expect<SupervisionEvent>(2, () => child.Tell(Boom.With("second")));
    }

    [Fact]
    public void OneForOne_restarts_only_the_failed_child()
    {
        var parent = ParentWith(SupervisorStrategy.Default);
        var failing = ChildOf(parent, "failing");
        var sibling = ChildOf(parent, "sibling");
        sibling.Tell("tick");
        failing.Tell(Boom.With("only me"));
        Drain();
        Assert.Equal(1, CountOf(sibling));
    }

    [Fact]
    public void AllForOne_restarts_every_child_when_one_fails()
    {
        var parent = ParentWith(new AllForOneStrategy(-1, null, Decider.Default));
        var failing = ChildOf(parent, "failing");
        var sibling = ChildOf(parent, "sibling");
        sibling.Tell("tick");
        failing.Tell(Boom.With("shared context lost"));
        Drain();
        Assert.Equal(0, CountOf(sibling));
        Assert.Equal(0, CountOf(failing));
    }

    [Fact]
    public void AllForOne_stops_every_child_when_the_restart_budget_is_exhausted()
    {
        var parent = ParentWith(new AllForOneStrategy(0, null, Decider.Default));
        var failing = ChildOf(parent, "failing");
        var sibling = ChildOf(parent, "sibling");
        TestActor.Watch(sibling);
        failing.Tell(Boom.With("no budget"));
        TestActor.ExpectTerminated(sibling);
    }

    [Fact]
    public void A_child_that_exceeds_its_restart_budget_within_the_window_is_stopped_not_escalated()
    {
        var parent = ParentWith(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), Decider.Default));
        var child = ChildOf(parent, "flaky");
        TestActor.Watch(child);
        var events = EventFilter.Expect<SupervisionEvent>(3, () =>
        {
            for (var i = 0; i < 3; i++) child.Tell(Boom.With("again"));
        });
        Assert.All(events, e => Assert.Equal(Directive.Restart, e.Directive));
        TestActor.ExpectTerminated(child);
        TestActor.Send(parent, "alive?");
        TestActor.ExpectNoMsg();
        Assert.Null(Await(Sys.SnapshotAsync(TimeSpan.FromSeconds(1))).Find(parent.Path + "/flaky"));
        Assert.NotNull(Await(Sys.SnapshotAsync(TimeSpan.FromSeconds(1))).Find(parent.Path.ToString()));
    }

    [Fact]
    public void The_restart_window_reopens_after_it_expires()
    {
        var parent = ParentWith(new OneForOneStrategy(1, TimeSpan.FromMinutes(1), Decider.Default));
        var child = ChildOf(parent, "slow-flaky");
        TestActor.Watch(child);
        child.Tell(Boom.With("first"));
        Drain();
        Advance(TimeSpan.FromMinutes(2));
        child.Tell(Boom.With("in a new window"));
        Assert.Equal(0, CountOf(child));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Zero_retries_means_the_first_failure_stops_the_child()
    {
        var parent = ParentWith(new OneForOneStrategy(0, null, Decider.Default));
        var child = ChildOf(parent, "fragile");
        TestActor.Watch(child);
        child.Tell(Boom.With("once"));
        TestActor.ExpectTerminated(child);
    }

    [Fact]
    public void Restart_and_Stop_are_logged_as_errors_and_Resume_as_a_warning()
    {
        var restarting = ChildOf(ParentWith(SupervisorStrategy.Default, "p1"), "c");
        var resuming = ChildOf(ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Resume)), "p2"), "c");
        var stopping = ChildOf(ParentWith(new OneForOneStrategy(-1, null, new Decider(Directive.Stop)), "p3"), "c");
        EventFilter.Exception<InvalidOperationException>(1, () => restarting.Tell(Boom.With("r")));
        EventFilter.Exception<InvalidOperationException>(1, () => stopping.Tell(Boom.With("s")));
        EventFilter.Exception<InvalidOperationException>(1, () => resuming.Tell(Boom.With("w")), LogLevel.Warning);
    }

    [Fact]
    public void A_strategy_with_logging_disabled_logs_nothing()
    {
        var quiet = ChildOf(ParentWith(new OneForOneStrategy(-1, null, Decider.Default, loggingEnabled: false), "quiet"), "c");
        EventFilter.Expect<LogEvent>(0, () => quiet.Tell(Boom.With("silent")));
    }

    [Fact]
    public void An_escalation_from_a_top_level_actor_terminates_the_system()
    {
        using var kit = new EscalatingGuardianKit();
        var actor = kit.Sys.ActorOf(Props.Create(() => new Echo()), "top");
        actor.Tell(Boom.With("fatal for the process"));
        kit.Await(kit.Sys.WhenTerminated);
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    private sealed class EscalatingGuardianKit() : ActorSpec(new ActorSystemSettings
    {
        GuardianStrategy = new OneForOneStrategy(-1, null, new Decider(Directive.Escalate)),
    });

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter(IActorRef report)
        {
            Receive<Boom>(b => throw b.Error);
            Receive<string>(s => s == "count", _ => Sender.Tell(_count));
            Receive<string>(_ => _count++);
            _ = report;
        }
    }
}
