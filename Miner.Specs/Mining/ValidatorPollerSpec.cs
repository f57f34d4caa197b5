using Miner.Actors.Akka.Time;
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class ValidatorPollerSpec : MinerSpec
{
    private readonly SimulatedNetwork _network;
    private readonly ValidatorRules _rules;
    private readonly ValidatorInfo _validator = new(3, "hk3", new AxonTarget(IPAddress.Parse("203.0.113.3"), 9003, "hk3"), 5000);
    private readonly TestProbe _router;
    private readonly TestProbe _scoreKeeper;
    private readonly IActorRef _poller;

    public ValidatorPollerSpec()
    {
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = 0 }, new Random(1));
        _rules = _network.Add("hk3");
        _router = CreateTestProbe("router");
        _scoreKeeper = CreateTestProbe("scorekeeper");
        var options = new MiningOptions();
        _poller = StartActor(Props.Create(() => new ValidatorPoller(_validator, _network, _router.Ref, _scoreKeeper.Ref, options)), "v-hk3");
        _router.ExpectMsg<PollerAvailability>(a => a.Available);
    }

    private TaskPulled PullTask(long id)
    {
        _router.Send(_poller, new PullNow(id));
        Advance(TimeSpan.FromSeconds(1));
        return _router.ExpectMsg<TaskPulled>(t => t.RequestId == id);
    }

    [Fact]
    public void A_pull_asked_by_the_router_hands_the_task_to_the_router_and_reports_it()
    {
        var pulled = PullTask(1);
        Assert.Equal(_rules.Assigned, pulled.Task);
        Assert.Equal(PullReplyKind.Task, _scoreKeeper.ExpectMsg<PullReported>().Reply.Kind);
    }

    [Fact]
    public void Poller_never_pulls_during_a_known_cooldown()
    {
        var pulled = PullTask(1);
        var answer = _rules.Submit(Clock.Now, pulled.Task.Id, false, 0.9);
        _poller.Tell(new ValidatorCooldownKnown("hk3", answer.CooldownUntil!.Value, pulled.Task.Id));
        _router.Send(_poller, new PullNow(2));
        var refused = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2);
        Assert.False(refused.Available);
        Assert.Equal(answer.CooldownUntil.Value + TimeSpan.FromSeconds(1), refused.Until);
        Advance(answer.CooldownUntil.Value - Clock.Now);
        _router.Send(_poller, new PullNow(3));
        _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 3 && !a.Available);
        Advance(TimeSpan.FromSeconds(1));
        _router.ExpectMsg<PollerAvailability>(a => a.Available);
        PullTask(4);
        Assert.Equal(0, _rules.TotalViolations);
        Assert.Equal(2, _rules.Pulls);
    }

    [Fact]
    public void A_late_answer_for_an_older_task_does_not_release_the_task_held_now()
    {
        PullTask(1);
        _poller.Tell(new ValidatorCooldownKnown("hk3", Clock.Now - TimeSpan.FromMinutes(20), "an-older-task"));
        _router.Send(_poller, new PullNow(2));
        var refused = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2);
        Assert.False(refused.Available);
        Assert.Contains("awaits its submission's answer", refused.Reason);
        Assert.Equal(1, _rules.Pulls);
    }

    [Fact]
    public void A_cooldown_learned_from_a_pull_stops_further_pulls_until_it_ends()
    {
        var task = _rules.Pull(Clock.Now).Task!;
        _rules.Submit(Clock.Now, task.Id, false, 0.9); // a cooldown the poller does not know about
        _router.Send(_poller, new PullNow(1));
        Advance(TimeSpan.FromSeconds(1));
        var answer = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 1);
        Assert.Equal(PullReplyKind.Cooldown, _scoreKeeper.ExpectMsg<PullReported>().Reply.Kind);
        for (var i = 0; i < 5; i++)
        {
            Advance(TimeSpan.FromSeconds(50));
            _router.Send(_poller, new PullNow(10 + i));
        }
        Advance(answer.Until!.Value - Clock.Now);
        Assert.Equal(1, _rules.TotalViolations);
        Assert.Equal(2, _rules.Pulls);
    }

    [Fact]
    public void Poller_never_has_two_pulls_in_flight()
    {
        _router.Send(_poller, new PullNow(1));
        _router.Send(_poller, new PullNow(2));
        var refused = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2);
        Assert.Contains("already in flight", refused.Reason);
        Advance(TimeSpan.FromSeconds(1));
        _router.ExpectMsg<TaskPulled>(t => t.RequestId == 1);
        Assert.Equal(1, _rules.Pulls);
    }

    [Fact]
    public void A_poller_holding_a_task_does_not_pull_again_until_the_submission_is_answered()
    {
        PullTask(1);
        _router.Send(_poller, new PullNow(2));
        Assert.Contains("awaits its submission", _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2).Reason);
        Assert.Equal(1, _rules.Pulls);
    }

    [Fact]
    public void A_transport_error_backs_off_for_the_pull_retry_delay()
    {
        _network.FailWhen = _ => true;
        var start = Clock.Now;
        _router.Send(_poller, new PullNow(1));
        Advance(TimeSpan.FromSeconds(1));
        var backoff = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 1);
        Assert.Equal(start + TimeSpan.FromSeconds(0.4) + new MiningOptions().PullRetryDelay, backoff.Until);
        _network.FailWhen = null;
        Advance(TimeSpan.FromSeconds(5));
        _router.Send(_poller, new PullNow(2));
        Assert.False(_router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2).Available);
        Advance(TimeSpan.FromSeconds(5));
        _router.ExpectMsg<PollerAvailability>(a => a.Available);
        Assert.Equal(0, _rules.Pulls);
    }

    [Fact]
    public void Consecutive_transport_errors_double_the_retry_delay_up_to_the_poller_backoff()
    {
        _network.FailWhen = _ => true;
        var delays = new List<double>();
        for (var i = 1; i <= 7; i++)
        {
            _router.Send(_poller, new PullNow(i));
            Advance(TimeSpan.FromSeconds(0.4));
            var backoff = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == i);
            delays.Add((backoff.Until!.Value - Clock.Now).TotalSeconds);
            Advance(backoff.Until.Value - Clock.Now);
            _router.ExpectMsg<PollerAvailability>(a => a.Available);
        }
        Assert.Equal([10, 20, 40, 80, 160, 300, 300], delays);
        Assert.Equal(0, _rules.Pulls);
    }

    [Fact]
    public void A_pull_that_gets_an_answer_resets_the_retry_delay()
    {
        _network.FailWhen = _ => true;
        for (var i = 1; i <= 3; i++)
        {
            _router.Send(_poller, new PullNow(i));
            Advance(TimeSpan.FromSeconds(0.4));
            var backoff = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == i);
            Advance(backoff.Until!.Value - Clock.Now);
            _router.ExpectMsg<PollerAvailability>(a => a.Available);
        }
        _network.FailWhen = null;
        var pulled = PullTask(4);
        var answer = _rules.Submit(Clock.Now, pulled.Task.Id, false, 0.9);
        _poller.Tell(new ValidatorCooldownKnown("hk3", answer.CooldownUntil!.Value, pulled.Task.Id));
        Advance(answer.CooldownUntil.Value + TimeSpan.FromSeconds(1) - Clock.Now);
        _router.FishForMessage<PollerAvailability>(a => a.Available);
        _network.FailWhen = _ => true;
        _router.Send(_poller, new PullNow(5));
        Advance(TimeSpan.FromSeconds(0.4));
        var after = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 5);
        Assert.Equal(TimeSpan.FromSeconds(10), after.Until!.Value - Clock.Now);
    }

    [Fact]
    public void A_hold_never_answered_is_released_after_its_timeout_with_a_backoff()
    {
        PullTask(1);
        Advance(TimeSpan.FromMinutes(30));
        _router.Send(_poller, new PullNow(2));
        Assert.False(_router.ExpectMsg<PollerAvailability>(a => a.RequestId == 2).Available);
        Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        _router.ExpectMsg<PollerAvailability>(a => a.Available);
        var again = PullTask(3);
        Assert.Equal(_rules.Assigned, again.Task);
        Assert.Equal(1, _rules.TasksHandedOut);
    }

    [Fact]
    public void A_cooldown_reply_that_ended_before_it_arrived_leaves_the_poller_available()
    {
        var stale = new StaleCooldownClient(Clock);
        var poller = StartActor(Props.Create(() => new ValidatorPoller(_validator, stale, _router.Ref, _scoreKeeper.Ref, new MiningOptions())), "v-stale");
        _router.ExpectMsg<PollerAvailability>(a => a.Available);

        _router.Send(poller, new PullNow(1));
        Drain();

        var answer = _router.ExpectMsg<PollerAvailability>(a => a.RequestId == 1);
        Assert.True(answer.Available, answer.Reason);
    }

    /// <summary>Answers every pull with a cooldown that ended two seconds before the answer (past the poller's margin).</summary>
    private sealed class StaleCooldownClient(AkkaVirtualScheduler clock) : IValidatorClient
    {
        public Task<PullReply> PullAsync(ValidatorInfo validator, CancellationToken cancellation = default) =>
            Task.FromResult(PullReply.OnCooldown(clock.Now - TimeSpan.FromSeconds(2), 0));

        public Task<SubmitReply> SubmitAsync(ValidatorInfo validator, Miner.Models.Protocol.ProtocolTask task, ReadOnlyMemory<byte> spz,
            CancellationToken cancellation = default) => throw new NotSupportedException();
    }
}
