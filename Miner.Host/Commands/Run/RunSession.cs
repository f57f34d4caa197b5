using System.Diagnostics;
using Miner.Actors.Kernel;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Persistence;
using Miner.Host.Configuration;
using Miner.Host.Logging;
using Miner.Models.Bittensor.Wire;

namespace Miner.Host.Commands.Run;

/// <summary>
/// The mining actor tree (<see cref="MinerGuardian"/>) on the chain: the metagraph re-read from subtensor, validators
/// called through the real <see cref="Dendrite"/> signed with our hotkey under the configured (public-only by
/// default) address policy, the configured cards with their backends and worker processes, the ScoreKeeper journalled
/// to the persistence stores. Disposing stops the tree and gives the worker processes their stop grace period.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    private readonly ActorSystem _system;
    private readonly KernelLogBridge _bridge;
    private readonly Dendrite _dendrite;
    private readonly IReadOnlyList<string> _knownHotkeys;
    private readonly TimeSpan _workerGrace;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    private RunSession(ActorSystem system, KernelLogBridge bridge, Dendrite dendrite, IActorRef guardian, IReadOnlyList<string> knownHotkeys, TimeSpan workerGrace)
    {
        _system = system;
        _bridge = bridge;
        _dendrite = dendrite;
        Guardian = guardian;
        _knownHotkeys = knownHotkeys;
        _workerGrace = workerGrace;
    }

    public IActorRef Guardian { get; }

    public static RunSession Start(RunPlan plan, MinerSettings settings, PersistenceStores stores, Serilog.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        var system = ActorSystem.Create("miner", settings.Actors.ToSettings());
        var bridge = new KernelLogBridge(system, logger, settings.Logging.DeadLetters);
        var dendrite = new Dendrite(plan.Hotkey.Keypair, settings.Dendrite, plan.Policy);
        var gpus = plan.Gpus;
        var setup = new MinerGuardianSetup(
            settings.Mining,
            new SubtensorValidatorSetSource(plan.Subtensor, settings.Metagraph, plan.Endpoint.ToString()),
            new DendriteValidatorClient(dendrite),
            new SpzResultEncoder(),
            plan.Hotkey.Ss58Address, // never poll ourselves
            (double)settings.Metagraph.MinStakeTao,
            settings.Metagraph.SyncInterval,
            gpus.Names,
            (name, router) => gpus[name].Props(router, gpus.Gate, settings.Generation, settings.Splats),
            DensityBuckets: settings.Splats.Statistics,
            Persistence: stores);
        var guardian = system.ActorOf(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        var grace = gpus.Cards.SelectMany(c => c.Workers?.Processes ?? []).Select(p => p.Options.StopGracePeriod).DefaultIfEmpty(TimeSpan.Zero).Max();
        var hotkeys = plan.Eligible.Select(v => v.Hotkey).ToList();
        return new RunSession(system, bridge, dendrite, guardian, hotkeys, grace);
    }

    /// <summary>The ledger's figures over the validators eligible at start and those in the current set.</summary>
    public async Task<RunSummary> SummaryAsync()
    {
        var set = await Guardian.Ask<ValidatorSetReply>(new GetValidatorSet(), AskTimeout).ConfigureAwait(false);
        var hotkeys = _knownHotkeys.Concat(set.Current.Select(v => v.Hotkey)).Distinct(StringComparer.Ordinal);
        var entries = new List<ValidatorLedgerEntry>();
        foreach (var hotkey in hotkeys)
        {
            var reply = await Guardian.Ask<LedgerEntryReply>(new GetLedgerEntry(hotkey), AskTimeout).ConfigureAwait(false);
            if (reply.Entry is { } entry) entries.Add(entry);
        }
        var rates = await Guardian.Ask<SuccessRates>(new GetSuccessRates(), AskTimeout).ConfigureAwait(false);
        return RunSummary.From(_uptime.Elapsed, entries, rates.Overall);
    }

    public async ValueTask DisposeAsync()
    {
        await _system.Terminate().ConfigureAwait(false);
        // Stopped cards send their worker processes SIGTERM and SIGKILL the tree after the grace period, in the
        // background: stay alive that long so the kill still happens if a worker ignores SIGTERM.
        if (_workerGrace > TimeSpan.Zero) await Task.Delay(_workerGrace + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        _bridge.Dispose();
        _dendrite.Dispose();
    }
}
