using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Actors.Storage;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.Mining.Fakes;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Miner.Actors.Akka.Introspection;

namespace Miner.Specs.Mining;

/// <summary>The mining tree with a durable journal (Akka.Persistence.TestKit's): the ScoreKeeper journals under a backoff supervisor.</summary>
public sealed class PersistentMiningSystemSpec() : MinerSpec(TestJournalHocon)
{
    private SimulatedNetwork _network = null!;

    private ITestJournal Journal => TestJournal.FromRef(global::Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));

    private IActorRef StartMiner(int validators = 3, double transportFailureRate = 0.02)
    {
        var random = new Random(3);
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = transportFailureRate }, random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < validators; uid++)
        {
            _network.Add($"hk{uid}");
            candidates.Add(new ValidatorCandidate(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, $"hk{uid}"), 5000, null));
        }
        var setup = new MinerGuardianSetup(new MiningOptions(), new StaticValidatorSetSource(candidates), _network, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), ["gpu-0"], (name, router) => Props.Create(() => new FakeGpu(name, router, new FakeGpuBehaviour())),
            Random: random, Persistence: new PersistenceOptions());
        var miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5))); // recovered before virtual time moves
        return miner;
    }

    [Fact]
    public void With_stores_the_scorekeeper_runs_under_a_backoff_supervisor()
    {
        var miner = StartMiner();
        var tree = Await(IntrospectionClient.SnapshotAsync(miner, TimeSpan.FromSeconds(5)));
        Assert.Equal("BackoffSupervisor", tree.Find("/user/miner/scorekeeper")?.ActorType);
        Assert.Equal("ScoreKeeper", tree.Find("/user/miner/scorekeeper/scorekeeper")?.ActorType);
    }

    [Fact]
    public void With_stores_the_validators_answers_are_journaled_and_no_cooldown_is_violated()
    {
        var miner = StartMiner();
        Advance(TimeSpan.FromHours(1));
        var rates = Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        Assert.True(rates.Overall.Scored > 0, $"scored {rates.Overall.Scored}");
        Assert.Equal(0, _network.Validators.Values.Sum(v => v.TotalViolations));
        Sys.Stop(miner);
        Drain();
        // A keeper started on the same journal recovers what the first one journaled.
        var recovered = StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), "recovered");
        Assert.Equal(rates.Overall, Await(recovered.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5))).Overall);
    }

    [Fact]
    public void A_scorekeeper_whose_writes_lag_for_half_an_hour_never_lets_a_poller_pull_during_a_cooldown()
    {
        var miner = StartMiner(validators: 1, transportFailureRate: 0);
        var validator = _network.Validators["hk0"];
        var held = new HeldWrites();
        Await(Journal.OnWrite.SetInterceptorAsync(held)); // the keeper's answer for the first task is stuck behind this write
        // The poller waits out its hold, backs off and pulls a second task; that task's answer sets a new cooldown.
        for (var step = 0; step < 400 && !(validator.TasksHandedOut == 2 && validator.Assigned is null); step++)
        {
            Advance(TimeSpan.FromSeconds(10));
            Drain();
        }
        Assert.Equal((2, null), (validator.TasksHandedOut, validator.Assigned));
        held.Release(); // the late answer for the first task now reaches the poller
        Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(10))); // answered once the backlog is written
        Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, validator.TotalViolations);
        Assert.True(validator.TasksHandedOut >= 3, $"handed out {validator.TasksHandedOut}");
    }

    /// <summary>Holds every journal write until <see cref="Release"/> (the journal answers nothing meanwhile).</summary>
    private sealed class HeldWrites : IJournalInterceptor
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task InterceptAsync(IPersistentRepresentation message) => _released.Task;

        public void Release() => _released.TrySetResult();
    }
}
