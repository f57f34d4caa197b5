using Akka.Actor;
using Miner.Actors.Akka.Time;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;

namespace Miner.Actors.Mining.Simulation;

/// <summary>
/// Runs the real mining actors (metagraph, scorekeeper, pollers, router, submitter) against simulated validators and
/// GPUs in virtual time: a deterministic dispatcher drains every mailbox between scheduler items, so four simulated
/// hours take well under a second and the same seed gives the same figures. The base miner's loop is a separate
/// model (<see cref="BaseMinerLoop"/>) on the same simulated network.
/// </summary>
public static class SchedulerSimulation
{
    public const string BaseMiner = "base-miner";

    /// <summary>The bench prints its table only: the actors' warnings (simulated refusals, lost answers) are part of the run.</summary>
    private static readonly global::Akka.Configuration.Config Quiet =
        global::Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF");

    public static IReadOnlyList<string> Policies { get; } = [MiningOptions.RoundRobin, MiningOptions.StakeWeighted, BaseMiner];

    public static SchedulerRunResult Run(SchedulerScenario scenario, string policy)
    {
        // Awaits in the base-miner model must continue inline on the virtual clock's thread; a synchronization
        // context (a test runner's) would post them elsewhere and out of virtual time.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return RunInline(scenario, policy);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static SchedulerRunResult RunInline(SchedulerScenario scenario, string policy)
    {
        // The actors' system owns its scheduler (Akka builds it from configuration); the base-miner model needs no actors.
        using var system = policy == BaseMiner ? null : ActorSystem.Create("scheduler-bench", Quiet.WithFallback(VirtualTime.Config));
        using var standalone = system is null ? VirtualTime.StandaloneScheduler() : null;
        var clock = (AkkaVirtualScheduler)(system?.Scheduler ?? standalone!);
        var random = new Random(scenario.Seed);
        var network = new SimulatedNetwork(clock, scenario.Network, random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < scenario.Validators; uid++)
        {
            var hotkey = $"5Sim{uid:D4}Validator";
            network.Add(hotkey, scenario.Rules);
            var stake = 1000 * Math.Pow(100, random.NextDouble()); // log-uniform 1k..100k
            candidates.Add(new ValidatorCandidate(uid, hotkey, new Models.Bittensor.Wire.AxonTarget(System.Net.IPAddress.Parse("203.0.113.1"), 8091 + uid, hotkey), stake, null));
        }
        var generation = scenario.GenerationTimes(new Random(scenario.Seed + 1));
        var usage = new GpuUsage();
        var start = clock.Now;
        if (policy == BaseMiner)
        {
            new BaseMinerLoop(clock, network, candidates, generation, usage).Start(scenario.Gpus);
            clock.Advance(scenario.Duration);
        }
        else
        {
            RunActors(system!, scenario, policy, clock, network, candidates, generation, usage, random);
        }
        var validators = network.Validators.Values.ToList();
        var busy = usage.Busy.TotalSeconds;
        return new SchedulerRunResult(
            policy, scenario.Validators, scenario.Gpus, scenario.MeanGeneration.TotalSeconds, scenario.Ceiling,
            validators.Sum(v => v.Accepted), validators.Sum(v => v.Failed), validators.Sum(v => v.Declined),
            validators.Sum(v => v.TotalViolations), validators.Sum(v => v.Penalties),
            1 - busy / (scenario.Gpus * (clock.Now - start).TotalSeconds),
            validators.Sum(v => v.TasksHandedOut),
            validators.Sum(v => v.SettledCount.Values.Count(c => c > 1)),
            validators.Sum(v => v.SettledCount.Values.Count(c => c == 0)),
            scenario.FluidCeiling);
    }

    private static void RunActors(ActorSystem system, SchedulerScenario scenario, string policy, AkkaVirtualScheduler clock, SimulatedNetwork network,
        IReadOnlyList<ValidatorCandidate> candidates, Func<TimeSpan> generation, GpuUsage usage, Random random)
    {
        try
        {
            var options = new MiningOptions { Policy = policy };
            var gpus = Enumerable.Range(0, scenario.Gpus).Select(i => $"gpu-{i}").ToList();
            var setup = new MinerGuardianSetup(options, new StaticValidatorSetSource(candidates), network, new SimulatedEncoder(),
                OwnHotkey: null, MinStakeTao: 1000, ResyncInterval: TimeSpan.FromMinutes(30), gpus,
                (name, router) => Props.Create(() => new SimulatedGpu(name, router, generation, 2, usage)), Random: random);
            var guardian = system.ActorOf(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
            VirtualTime.StartTree(system, guardian);
            clock.Advance(scenario.Duration);
        }
        finally
        {
            clock.Dispatcher?.ReleaseToThreadPool();
            system.Terminate().Wait(TimeSpan.FromSeconds(5));
        }
    }
}
