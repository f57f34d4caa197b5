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
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>The mining tree given persistence stores: the ScoreKeeper journals under a backoff supervisor.</summary>
public sealed class PersistentMiningSystemSpec : MinerSpec
{
    private readonly TestJournal _journal = new();
    private readonly PersistenceStores _stores;
    private SimulatedNetwork _network = null!;

    public PersistentMiningSystemSpec() => _stores = new PersistenceStores(_journal, new InMemorySnapshotStore());

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
            Random: random, Persistence: _stores);
        var miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        // The keeper recovers off the actor thread (real time): wait until it answers before virtual time moves.
        Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        return miner;
    }

    [Fact]
    public void With_stores_the_scorekeeper_runs_under_a_backoff_supervisor()
    {
        StartMiner();
        var tree = Await(Sys.SnapshotAsync(TimeSpan.FromSeconds(1)));
        Assert.NotNull(tree.Find("/user/miner/scorekeeper/scorekeeper"));
    }

    [Fact]
    public void With_stores_the_validators_answers_are_journaled_and_no_cooldown_is_violated()
    {
        var miner = StartMiner();
        // The keeper's writes complete in real time; small steps that wait for them keep virtual time from jumping
        // past a cooldown the keeper has not yet passed on.
        for (var step = 0; step < 360; step++)
        {
            Advance(TimeSpan.FromSeconds(10));
            WaitUntil(() => false, TimeSpan.FromMilliseconds(3)); // drains while the journal's writes land
        }
        AwaitAssert(() => Assert.True(Await(_stores.Journal.HighestSequenceNrAsync(ScoreKeeper.Id)) > 0));
        var rates = Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        Assert.True(rates.Overall.Scored > 0, $"scored {rates.Overall.Scored}");
        Assert.Equal(0, _network.Validators.Values.Sum(v => v.TotalViolations));
    }

    [Fact]
    public void A_scorekeeper_whose_writes_lag_for_half_an_hour_never_lets_a_poller_pull_during_a_cooldown()
    {
        var miner = StartMiner(validators: 1, transportFailureRate: 0);
        var validator = _network.Validators["hk0"];
        _journal.Writes.Hold(); // the keeper's answer for the first task is stuck behind this write
        // The poller waits out its hold, backs off and pulls a second task; that task's answer sets a new cooldown.
        for (var step = 0; step < 400 && !(validator.TasksHandedOut == 2 && validator.Assigned is null); step++)
        {
            Advance(TimeSpan.FromSeconds(10));
            Drain();
        }
        Assert.Equal((2, null), (validator.TasksHandedOut, validator.Assigned));
        _journal.Writes.Release(); // the late answer for the first task now reaches the poller
        Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(10))); // answered once the backlog is written
        for (var step = 0; step < 60; step++)
        {
            Advance(TimeSpan.FromSeconds(10));
            WaitUntil(() => false, TimeSpan.FromMilliseconds(3));
        }
        Assert.Equal(0, validator.TotalViolations);
        Assert.True(validator.TasksHandedOut >= 3, $"handed out {validator.TasksHandedOut}");
    }
}
