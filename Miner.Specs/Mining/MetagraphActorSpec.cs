using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Storage;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class MetagraphActorSpec : MinerSpec
{
    private readonly StaticValidatorSetSource _source = new([Candidate(0), Candidate(1), Candidate(2, stake: 10), Candidate(3)]);
    private readonly IActorRef _scoreKeeper;
    private readonly TestProbe _subscriber;

    public MetagraphActorSpec() : base("akka.loglevel = DEBUG")
    {
        _scoreKeeper = StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), "scorekeeper");
        _subscriber = CreateTestProbe("subscriber");
    }

    private static ValidatorCandidate Candidate(int uid, double stake = 5000) =>
        new(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.7"), 9000 + uid, $"hk{uid}"), stake, null);

    private IActorRef Start()
    {
        var metagraph = StartActor(Props.Create(() => new MetagraphActor(_source, 1000, TimeSpan.FromMinutes(30), "hk3", _scoreKeeper)), "metagraph");
        Drain();
        metagraph.Tell(new SubscribeValidatorSet(_subscriber.Ref));
        return metagraph;
    }

    /// <summary>A log line's text; Serilog's formatter quotes string arguments, the sinks' templates do not.</summary>
    private static string Text(global::Akka.Event.LogEvent e) => e.Message.ToString()!.Replace("\"", "", StringComparison.Ordinal);

    private static int[] Uids(IEnumerable<ValidatorInfo> set) => set.Select(v => v.Uid).Order().ToArray();

    [Fact]
    public void A_subscriber_gets_the_eligible_set_as_added()
    {
        Start();
        var set = _subscriber.ExpectMsg<ValidatorSetChanged>();
        Assert.Equal([0, 1], Uids(set.Added));
        Assert.Equal([0, 1], Uids(set.Current));
    }

    [Fact]
    public void Each_sync_logs_the_skipped_neurons_counted_by_reason()
    {
        var logged = CollectEvents<global::Akka.Event.Info>(() => Start());
        Assert.Contains(logged, e => Text(e).Contains("validators skipped (2): 1 low stake (< 1000 τ), 1 own hotkey", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => Text(e).Contains("skipping uid", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_skipped_neuron_is_logged_with_its_reason_at_debug_level()
    {
        var logged = CollectEvents<global::Akka.Event.LogEvent>(() => Start(), e => Text(e).Contains("skipping uid", StringComparison.Ordinal));
        Assert.Equal(2, logged.Count);
        Assert.All(logged, e => Assert.Equal(global::Akka.Event.LogLevel.DebugLevel, e.LogLevel()));
        Assert.Contains(logged, e => Text(e).Contains("low stake", StringComparison.Ordinal));
        Assert.Contains(logged, e => Text(e).Contains("own hotkey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resync_publishes_added_and_removed_validators()
    {
        Start();
        _subscriber.ExpectMsg<ValidatorSetChanged>();
        _source.Candidates = [Candidate(1), Candidate(2, stake: 2000), Candidate(4)];
        Advance(TimeSpan.FromMinutes(30));
        var change = _subscriber.ExpectMsg<ValidatorSetChanged>();
        Assert.Equal([2, 4], Uids(change.Added));
        Assert.Equal([0], Uids(change.Removed));
    }

    [Fact]
    public void A_failed_sync_keeps_the_previous_set()
    {
        var metagraph = Start();
        _subscriber.ExpectMsg<ValidatorSetChanged>();
        var failing = StartActor(Props.Create(() => new MetagraphActor(new FailingSource(), 1000, TimeSpan.FromMinutes(30), null, _scoreKeeper)), "failing");
        Drain();
        var reply = Await(failing.Ask<ValidatorSetReply>(new GetValidatorSet(), TimeSpan.FromSeconds(1)));
        Assert.Empty(reply.Current);
        Assert.Null(reply.SyncedAt);
        Assert.Equal([0, 1], Uids(Await(metagraph.Ask<ValidatorSetReply>(new GetValidatorSet(), TimeSpan.FromSeconds(1))).Current));
    }

    [Fact]
    public void A_blacklisting_removes_the_validator_at_once()
    {
        Start();
        _subscriber.ExpectMsg<ValidatorSetChanged>();
        _scoreKeeper.Tell(new AddToBlacklist("hk1", 1, "operator"));
        var change = _subscriber.ExpectMsg<ValidatorSetChanged>();
        Assert.Equal([1], Uids(change.Removed));
        _scoreKeeper.Tell(new RemoveFromBlacklist("hk1"));
        Assert.Equal([1], Uids(_subscriber.ExpectMsg<ValidatorSetChanged>().Added));
    }

    [Fact]
    public void A_metagraph_file_is_read_at_each_sync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"metagraph-{Guid.NewGuid():N}.json");
        string Neuron(int uid) => $"{{\"uid\": {uid}, \"hotkey\": \"{MetagraphFileSourceSpec.Hotkey(uid)}\", \"ip\": \"127.0.0.1\", \"port\": {9000 + uid}, \"stake\": 5000}}";
        try
        {
            File.WriteAllText(path, $"{{\"netuid\": 17, \"neurons\": [{Neuron(0)}]}}");
            var source = new MetagraphFileSource(path, new AxonAddressPolicy(allowLoopback: true));
            var metagraph = StartActor(Props.Create(() => new MetagraphActor(source, 1000, TimeSpan.FromMinutes(30), null, _scoreKeeper)), "from-file");
            Assert.True(WaitUntil(() => Await(metagraph.Ask<ValidatorSetReply>(new GetValidatorSet(), TimeSpan.FromSeconds(1))).Current.Count == 1));
            File.WriteAllText(path, $"{{\"netuid\": 17, \"neurons\": [{Neuron(0)}, {Neuron(1)}]}}");
            Advance(TimeSpan.FromMinutes(30));
            Assert.True(WaitUntil(() => Await(metagraph.Ask<ValidatorSetReply>(new GetValidatorSet(), TimeSpan.FromSeconds(1))).Current.Count == 2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class FailingSource : IValidatorSetSource
    {
        public string Description => "failing";

        public Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation) =>
            Task.FromException<IReadOnlyList<ValidatorCandidate>>(new InvalidDataException("node unreachable"));
    }
}
