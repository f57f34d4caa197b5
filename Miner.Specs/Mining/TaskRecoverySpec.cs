using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Actors.Storage;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.Mining.Fakes;

namespace Miner.Specs.Mining;

/// <summary>
/// The mining tree killed with tasks in flight and started again on the same stores. The old tree is stopped
/// without a word to anyone and a new one built, so nothing of its memory survives: only what the stores hold.
/// </summary>
public sealed class TaskRecoverySpec : MinerSpec
{
    private readonly FakeGpuBehaviour _gpu = new();
    private readonly List<ValidatorCandidate> _candidates = new();
    private readonly SimulatedNetwork _network;
    private CallLog _calls;

    public TaskRecoverySpec()
    {
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = 0 }, new Random(7));
        _calls = new CallLog(_network);
        for (var uid = 0; uid < 4; uid++)
        {
            _network.Add($"hk{uid}");
            _candidates.Add(new ValidatorCandidate(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, $"hk{uid}"), 8000 - 2000 * uid, null));
        }
    }

    private IActorRef StartMiner()
    {
        // The spec's steps take real time while the journal writes: never let a slow write look like a silent ledger.
        var options = new MiningOptions { SubmitRetry = { RecordTimeout = TimeSpan.FromHours(1) } };
        var setup = new MinerGuardianSetup(options, new StaticValidatorSetSource(_candidates), _calls, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), ["gpu-0"], (name, router) => Props.Create(() => new FakeGpu(name, router, _gpu)),
            Random: new Random(3), Persistence: new PersistenceOptions()); // the system's in-memory journal outlives the tree
        var miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        // Both persistent actors answer once recovered: wait for that before time moves.
        Await(miner.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        Await(miner.Ask<UnsettledTasks>(new GetUnsettledTasks(), TimeSpan.FromSeconds(5)));
        return miner;
    }

    /// <summary>
    /// Stops the tree as a kill would leave it: its network is cut first, so nothing the stopping actors still send
    /// (a card's task declined as the card stops) reaches a validator; the next tree gets a new connection.
    /// </summary>
    private void Kill(IActorRef miner)
    {
        _calls.Severed = true;
        _calls = new CallLog(_network);
        var probe = CreateTestProbe();
        probe.Watch(miner);
        Sys.Stop(miner);
        probe.ExpectTerminated(miner);
    }

    /// <summary>Virtual time in 10 s steps, letting the journal's real-time writes land between them.</summary>
    private void Run(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(10))
        {
            Advance(TimeSpan.FromSeconds(10));
            WaitUntil(() => false, TimeSpan.FromMilliseconds(3));
        }
    }

    private IReadOnlyList<UnsettledTask> Unsettled(IActorRef miner) =>
        Await(miner.Ask<UnsettledTasks>(new GetUnsettledTasks(), TimeSpan.FromSeconds(5))).Tasks;

    [Fact]
    public void After_a_kill_the_validator_holding_our_task_is_pulled_first_and_its_task_submitted_once()
    {
        _gpu.GenerationTime = TimeSpan.FromHours(1); // the task is still on the card when the miner dies
        _calls.FailPullsTo = ["hk0", "hk1", "hk2"];  // so the task comes from the validator the policy ranks last
        var first = StartMiner();
        Run(TimeSpan.FromSeconds(30));
        AwaitAssert(() => Assert.Equal("hk3", Assert.Single(Unsettled(first)).Pulled.ValidatorHotkey));
        var held = _network.Validators["hk3"].Assigned!.Id;
        Kill(first);

        _gpu.GenerationTime = TimeSpan.FromSeconds(20);
        StartMiner();
        Run(TimeSpan.FromMinutes(30));

        Assert.Equal("hk3", _calls.Pulls[0]);
        Assert.Equal(1, _network.Validators["hk3"].SettledCount[held]);
        Assert.All(_network.Validators.Values, v => Assert.All(v.SettledCount.Values, n => Assert.True(n <= 1)));
        Assert.Equal(0, _network.Validators.Values.Sum(v => v.TotalViolations));
    }

    [Fact]
    public void After_a_kill_that_lost_a_submissions_answer_its_validator_is_not_pulled_during_the_cooldown_it_may_have_set()
    {
        _candidates.RemoveRange(1, 3); // one validator: nothing else to pull
        var first = StartMiner();
        for (var step = 0; step < 200 && _network.Submissions == 0; step++)
        {
            Advance(TimeSpan.FromSeconds(1));
            WaitUntil(() => _network.Submissions > 0, TimeSpan.FromMilliseconds(20));
        }
        Assert.Equal(1, _network.Submissions);
        var sent = _network.Validators["hk0"].Assigned!.Id;
        Kill(first); // the submission is on its way; its answer will find no one
        Run(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _network.Validators["hk0"].SettledCount[sent]);

        StartMiner();
        Run(TimeSpan.FromMinutes(30));

        Assert.Equal(0, _network.Validators["hk0"].TotalViolations);
        Assert.True(_network.Validators["hk0"].TasksHandedOut >= 2, $"handed out {_network.Validators["hk0"].TasksHandedOut}");
        Assert.Equal(1, _network.Validators["hk0"].SettledCount[sent]);
    }

    /// <summary>The simulated network with every pull logged, and pulls to chosen validators failing.</summary>
    private sealed class CallLog(SimulatedNetwork network) : IValidatorClient
    {
        public List<string> Pulls { get; } = new();

        public string[] FailPullsTo { get; set; } = [];

        /// <summary>Cut: calls never complete and never reach the network.</summary>
        public bool Severed { get; set; }

        public Task<PullReply> PullAsync(ValidatorInfo validator, CancellationToken cancellation = default)
        {
            if (Severed) return new TaskCompletionSource<PullReply>().Task;
            Pulls.Add(validator.Hotkey);
            return FailPullsTo.Contains(validator.Hotkey)
                ? Task.FromResult(PullReply.Failed("refused by the spec"))
                : network.PullAsync(validator, cancellation);
        }

        public Task<SubmitReply> SubmitAsync(ValidatorInfo validator, ProtocolTask task, ReadOnlyMemory<byte> spz, CancellationToken cancellation = default) =>
            Severed ? new TaskCompletionSource<SubmitReply>().Task : network.SubmitAsync(validator, task, spz, cancellation);
    }
}
