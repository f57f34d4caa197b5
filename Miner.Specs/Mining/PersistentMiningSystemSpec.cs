using System.Net;
using Miner.Actors.Kernel;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Actors.Persistence;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.Mining.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>The mining tree given persistence stores: the ScoreKeeper journals under a backoff supervisor.</summary>
public sealed class PersistentMiningSystemSpec : ActorSpec
{
    private readonly PersistenceStores _stores = PersistenceStores.InMemory();
    private SimulatedNetwork _network = null!;

    private IActorRef StartMiner()
    {
        var random = new Random(3);
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings(), random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < 3; uid++)
        {
            _network.Add($"hk{uid}");
            candidates.Add(new ValidatorCandidate(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, $"hk{uid}"), 5000, null));
        }
        var setup = new MinerGuardianSetup(new MiningOptions(), new StaticValidatorSetSource(candidates), _network, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), ["gpu-0"], (name, router) => Props.Create(() => new FakeGpu(name, router, new FakeGpuBehaviour())),
            Random: random, Persistence: _stores);
        var miner = Sys.ActorOf(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
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
        AwaitAssert(() => Assert.True(Await(_stores.Journal.HighestSequenceNrAsync(PersistentScoreKeeper.Id)) > 0));
        var rates = Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        Assert.True(rates.Overall.Scored > 0, $"scored {rates.Overall.Scored}");
        Assert.Equal(0, _network.Validators.Values.Sum(v => v.TotalViolations));
    }
}
