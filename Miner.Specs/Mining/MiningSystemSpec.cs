using Akka.Event;
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Simulation;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.Mining.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>The whole mining tree (<c>/user/miner</c>) against fake validators and fake GPUs, in virtual time.</summary>
public sealed class MiningSystemSpec : MinerSpec
{
    private SimulatedNetwork _network = null!;
    private readonly FakeGpuBehaviour _gpu = new();
    private IActorRef _miner = null!;

    private void StartMiner(int validators, int gpus, double failureRate, int seed = 5, MiningOptions? options = null, double acceptRate = 1.0)
    {
        var random = new Random(seed);
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = failureRate, AcceptRate = acceptRate }, random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < validators; uid++)
        {
            var hotkey = $"hk{uid}";
            _network.Add(hotkey);
            candidates.Add(new ValidatorCandidate(uid, hotkey, new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, hotkey), 1000 + 500 * uid, null));
        }
        var setup = new MinerGuardianSetup(options ?? new MiningOptions(), new StaticValidatorSetSource(candidates), _network, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), Enumerable.Range(0, gpus).Select(i => $"gpu-{i}").ToList(),
            (name, router) => Props.Create(() => new FakeGpu(name, router, _gpu)), Random: random);
        _miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        IdentifyRoot(_miner);
    }

    private IEnumerable<ValidatorRules> Validators => _network.Validators.Values;

    [Fact]
    public void No_cooldown_violation_ever_in_four_hours_with_transport_errors()
    {
        StartMiner(validators: 20, gpus: 2, failureRate: 0.05);
        Advance(TimeSpan.FromHours(4));
        Assert.Equal(0, Validators.Sum(v => v.TotalViolations));
        Assert.True(Validators.Sum(v => v.Accepted) > 800, $"accepted {Validators.Sum(v => v.Accepted)}");
    }

    [Fact]
    public void The_tree_has_the_shape_of_the_architecture()
    {
        StartMiner(validators: 2, gpus: 2, failureRate: 0);
        var tree = Await(AskVirtual<Miner.Actors.Akka.Introspection.IntrospectReply>(_miner, new Miner.Actors.Akka.Introspection.Introspect(Clock.Now + TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(2))).Report;
        foreach (var path in new[] { "scorekeeper", "metagraph", "submitter", "router", "pollers", "pollers/v-hk0", "pollers/v-hk1", "gpus", "gpus/gpu-0", "gpus/gpu-1" })
            Assert.True(tree.Find("/user/miner/" + path) is not null, $"{path} missing from\n{Miner.Actors.Akka.Introspection.IntrospectionClient.Render(tree)}");
    }

    [Fact]
    public void The_guardian_answers_operator_queries_through_its_children()
    {
        StartMiner(validators: 5, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(20));
        var rates = Await(_miner.Ask<Actors.Mining.Scoring.SuccessRates>(new Actors.Mining.Scoring.GetSuccessRates(), TimeSpan.FromSeconds(1)));
        Assert.Equal(Validators.Sum(v => v.Accepted), rates.Overall.Accepted);
        var set = Await(_miner.Ask<ValidatorSetReply>(new GetValidatorSet(), TimeSpan.FromSeconds(1)));
        Assert.Equal(5, set.Current.Count);
    }

    [Fact]
    public void Declined_tasks_cost_no_penalty_and_keep_the_validators_cycling()
    {
        _gpu.Decline = true;
        StartMiner(validators: 6, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, Validators.Sum(v => v.Penalties));
        Assert.Equal(0, Validators.Sum(v => v.TotalViolations));
        Assert.True(Validators.Sum(v => v.Declined) >= 60, $"declined {Validators.Sum(v => v.Declined)}");
    }

    [Fact]
    public void Dispatch_is_demand_driven_a_draining_pool_stops_pulling()
    {
        StartMiner(validators: 30, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(10));
        _gpu.Draining = true;
        Advance(TimeSpan.FromMinutes(2));
        var pulled = Validators.Sum(v => v.TasksHandedOut);
        Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(pulled, Validators.Sum(v => v.TasksHandedOut));
        Assert.True(_gpu.Received <= 2 + pulled);
    }

    [Fact]
    public void The_task_of_a_GPU_that_died_is_declined_and_nothing_is_left_unsubmitted()
    {
        _gpu.DieOnNextTask = true;
        StartMiner(validators: 4, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(11)); // the prefetched task that no GPU took is declined after gpu-result-timeout
        Assert.Equal(2, Validators.Sum(v => v.Declined));
        Assert.All(Validators.SelectMany(v => v.SettledCount), p => Assert.Equal(1, p.Value));
    }

    [Fact]
    public void Every_pulled_task_gets_exactly_one_submission_over_1000_tasks_with_random_transport_errors()
    {
        _gpu.GenerationTime = TimeSpan.FromSeconds(4);
        StartMiner(validators: 60, gpus: 4, failureRate: 0.1, seed: 1234);
        while (Validators.Sum(v => v.TasksHandedOut) < 1000) Advance(TimeSpan.FromMinutes(5));
        _gpu.Draining = true;
        Advance(TimeSpan.FromHours(1));
        var tasks = Validators.SelectMany(v => v.SettledCount).ToList();
        Assert.True(tasks.Count >= 1000);
        var open = Await(_miner.Ask<InFlightTasks>(new GetInFlightTasks(), TimeSpan.FromSeconds(1)));
        Assert.Empty(open.Tasks);
        Assert.All(tasks, p => Assert.True(p.Value == 1, $"task {p.Key} settled {p.Value} times"));
        Assert.Equal(0, Validators.Sum(v => v.TotalViolations));
    }

    [Fact]
    public void A_mining_run_leaves_no_message_unhandled()
    {
        // Like a devnet run: transport errors, rejected results, the devnet's short blacklist window (so validators are
        // blacklisted, dropped, restored), results that reach the router after their validator left.
        var options = new MiningOptions { Blacklist = { NoAcceptWindow = 2, Period = TimeSpan.FromMinutes(20) } };
        var unhandled = CollectEvents<UnhandledMessage>(() =>
        {
            StartMiner(validators: 6, gpus: 2, failureRate: 0.05, options: options, acceptRate: 0.6);
            Advance(TimeSpan.FromHours(2));
        });
        Assert.True(Validators.Sum(v => v.Accepted) > 0 && Validators.Sum(v => v.Penalties) > 0, "the run accepted and was penalised");
        Assert.True(unhandled.Count == 0, string.Join("\n", unhandled.Select(u => $"{u.Message.GetType().Name} from {u.Sender.Path} to {u.Recipient.Path}")));
    }

    [Fact]
    public void Stop_pulling_ends_the_pulls_and_the_tasks_in_flight_still_get_their_submission()
    {
        StartMiner(validators: 6, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(5));
        Await(AskVirtual<PullingStopped>(_miner, StopPulling.Instance, TimeSpan.FromSeconds(1)));
        var pulled = Validators.Sum(v => v.TasksHandedOut);
        Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(pulled, Validators.Sum(v => v.TasksHandedOut));
        Assert.Empty(Await(AskVirtual<InFlightTasks>(_miner, new GetInFlightTasks(), TimeSpan.FromSeconds(1))).Tasks);
        Assert.All(Validators.SelectMany(v => v.SettledCount), p => Assert.Equal(1, p.Value));
    }

    [Fact]
    public void When_drained_is_answered_once_pulling_stopped_and_nothing_is_in_flight()
    {
        _gpu.GenerationTime = TimeSpan.FromSeconds(30);
        StartMiner(validators: 4, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(1));
        Await(AskVirtual<PullingStopped>(_miner, StopPulling.Instance, TimeSpan.FromSeconds(1)));
        var drained = AskVirtual<Drained>(_miner, WhenDrained.Instance, TimeSpan.FromMinutes(10));
        Drain();
        Assert.False(drained.IsCompleted); // the card still has its task
        Advance(TimeSpan.FromMinutes(2));
        Assert.Same(Drained.Instance, Await(drained)); // the reply may complete the ask on another thread
    }

    [Fact]
    public void Declining_what_is_in_flight_submits_each_unfinished_task_empty_once_without_penalty()
    {
        _gpu.GenerationTime = TimeSpan.FromHours(1); // the card would hold its task past any shutdown
        StartMiner(validators: 4, gpus: 1, failureRate: 0);
        Advance(TimeSpan.FromMinutes(1));
        Await(AskVirtual<PullingStopped>(_miner, StopPulling.Instance, TimeSpan.FromSeconds(1)));
        _miner.Tell(new DeclineInFlight("the miner is shutting down"));
        var drained = AskVirtual<Drained>(_miner, WhenDrained.Instance, TimeSpan.FromMinutes(1));
        Advance(TimeSpan.FromSeconds(30));
        Assert.Same(Drained.Instance, Await(drained));
        Assert.True(Validators.Sum(v => v.Declined) >= 1);
        Assert.Equal(0, Validators.Sum(v => v.Penalties));
        Assert.All(Validators.SelectMany(v => v.SettledCount), p => Assert.Equal(1, p.Value));
    }
}
