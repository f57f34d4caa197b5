using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist row 23: the backoff supervisor.</summary>
public sealed class BackoffSupervisorSpec : ActorSpec
{
    private BackoffOptions Options(BackoffMode mode = BackoffMode.OnFailure, double jitter = 0.0, TimeSpan? resetAfter = null, object? reply = null) =>
        new(Props.Create(() => new Lifecycle(TestActor.Ref)), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2)
        {
            Mode = mode,
            Random = () => jitter,
            ResetAfter = resetAfter,
            ReplyWhileStopped = reply,
        };

    private IActorRef Supervisor(BackoffOptions options)
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        TestActor.ExpectMsg("ctor");
        TestActor.ExpectMsg("preStart");
        return supervisor;
    }

    private IActorRef CurrentChild(IActorRef supervisor)
    {
        var queries = CreateTestProbe();
        queries.Send(supervisor, BackoffSupervisor.GetCurrentChild.Instance);
        return queries.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!;
    }

    private int RestartCount(IActorRef supervisor)
    {
        var queries = CreateTestProbe();
        queries.Send(supervisor, BackoffSupervisor.GetRestartCount.Instance);
        return queries.ExpectMsg<BackoffSupervisor.RestartCount>().Count;
    }

    [Fact]
    public void The_delay_doubles_from_the_minimum_up_to_the_maximum()
    {
        var options = Options();
        Assert.Equal(new[] { 1.0, 2.0, 4.0, 8.0, 10.0, 10.0 }, Enumerable.Range(0, 6).Select(n => options.DelayFor(n).TotalSeconds));
    }

    [Fact]
    public void The_jitter_stretches_the_delay_by_at_most_the_random_factor()
    {
        Assert.Equal(TimeSpan.FromSeconds(2 * 1.2), Options(jitter: 1.0).DelayFor(1));
    }

    [Fact]
    public void A_failed_child_is_recreated_only_after_the_backoff_delay()
    {
        var supervisor = Supervisor(Options());
        CurrentChild(supervisor).Tell(Boom.With("backend down"));
        TestActor.ExpectMsg("postStop");
        Advance(TimeSpan.FromMilliseconds(999));
        TestActor.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        TestActor.ExpectMsg("ctor");
        Assert.Equal(1, RestartCount(supervisor));
    }

    [Fact]
    public void Each_further_failure_waits_twice_as_long()
    {
        var supervisor = Supervisor(Options());
        CurrentChild(supervisor).Tell(Boom.With("1"));
        Advance(TimeSpan.FromSeconds(1));
        TestActor.FishForMessage<string>(s => s == "preStart");
        CurrentChild(supervisor).Tell(Boom.With("2"));
        Drain();
        Advance(TimeSpan.FromMilliseconds(1999));
        TestActor.FishForMessage<string>(s => s == "postStop");
        TestActor.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        TestActor.ExpectMsg("ctor");
    }

    [Fact]
    public void In_OnFailure_mode_a_child_that_stops_by_itself_stops_the_supervisor()
    {
        var supervisor = Supervisor(Options());
        TestActor.Watch(supervisor);
        CurrentChild(supervisor).Tell(PoisonPill.Instance);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(supervisor));
    }

    [Fact]
    public void In_OnStop_mode_a_child_that_stops_by_itself_is_recreated()
    {
        var supervisor = Supervisor(Options(BackoffMode.OnStop));
        CurrentChild(supervisor).Tell(PoisonPill.Instance);
        TestActor.ExpectMsg("postStop");
        Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("ctor");
    }

    [Fact]
    public void The_restart_count_resets_after_the_child_ran_quietly()
    {
        var supervisor = Supervisor(Options(resetAfter: TimeSpan.FromMinutes(1)));
        CurrentChild(supervisor).Tell(Boom.With("x"));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, RestartCount(supervisor));
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, RestartCount(supervisor));
    }

    [Fact]
    public void A_Reset_message_sets_the_restart_count_back_to_zero()
    {
        var supervisor = Supervisor(Options());
        CurrentChild(supervisor).Tell(Boom.With("x"));
        Advance(TimeSpan.FromSeconds(1));
        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        Assert.Equal(0, RestartCount(supervisor));
    }

    [Fact]
    public void Messages_are_forwarded_to_the_child_with_their_sender()
    {
        var supervisor = Supervisor(Options());
        TestActor.Send(supervisor, "work");
        TestActor.ExpectMsg("got work");
    }

    [Fact]
    public void While_the_child_is_absent_senders_get_the_configured_reply()
    {
        var supervisor = Supervisor(Options(reply: "backing off"));
        CurrentChild(supervisor).Tell(Boom.With("x"));
        TestActor.FishForMessage<string>(s => s == "postStop");
        TestActor.Send(supervisor, "work");
        TestActor.ExpectMsg("backing off");
    }

    [Fact]
    public void While_the_child_is_absent_messages_without_a_configured_reply_are_dead_letters()
    {
        var supervisor = Supervisor(Options());
        CurrentChild(supervisor).Tell(Boom.With("x"));
        TestActor.FishForMessage<string>(s => s == "postStop");
        EventFilter.DeadLetters(1, () => supervisor.Tell("work"));
    }
}
