using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Storage;
using Miner.Host.Admin;
using Miner.Host.Configuration;
using Miner.Host.Runtime;
using Miner.Models.Bittensor.Wire;

namespace Miner.Host.Commands.Run;

/// <summary>
/// The mining actor tree (<see cref="MinerGuardian"/>) on the chain: the metagraph re-read from the plan's source
/// (subtensor, or a devnet metagraph file with miner.metagraph.file), validators
/// called through the real <see cref="Dendrite"/> signed with our hotkey under the configured (public-only by
/// default) address policy, the configured cards with their backends and worker processes, the ScoreKeeper journalled
/// to the persistence plugins. Disposing runs the coordinated shutdown (stop pulling, finish or decline what is in
/// flight, stop the tree) and gives the worker processes their stop grace period.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the actor tree to stop before the process exits anyway.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly Dendrite _dendrite;
    private readonly Serilog.ILogger _logger;
    private readonly TimeSpan _workerGrace;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private LedgerFigures? _start;

    private RunSession(ActorSystem system, Dendrite dendrite, IActorRef guardian, TimeSpan workerGrace, Serilog.ILogger logger)
    {
        _logger = logger;
        _system = system;
        _dendrite = dendrite;
        Guardian = guardian;
        _workerGrace = workerGrace;
    }

    public IActorRef Guardian { get; }

    /// <summary>The operator's endpoint, once <see cref="StartAdminAsync"/> started it.</summary>
    public AdminEndpoint? Admin { get; private set; }

    /// <summary>
    /// Starts the admin endpoint over the running tree (nothing when <c>miner.admin.enabled</c> is false); stopped by
    /// <see cref="DisposeAsync"/> before the actor system. Throws <see cref="AdminRefusedException"/> for a setting it refuses.
    /// </summary>
    public async Task<AdminEndpoint?> StartAdminAsync(AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return null;
        Admin = await AdminEndpoint.StartAsync(_system, Guardian, options, options.TokenFile, _logger).ConfigureAwait(false);
        return Admin;
    }

    public static RunSession Start(RunPlan plan, MinerSettings settings, Config akka, Config persistence, Serilog.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        var system = MinerActorSystem.Create(akka, persistence, logger, settings.Logging.DeadLetters);
        var dendrite = new Dendrite(plan.Hotkey.Keypair, settings.Dendrite, plan.Policy);
        var gpus = plan.Gpus;
        var setup = new MinerGuardianSetup(
            settings.Mining,
            plan.Source,
            new DendriteValidatorClient(dendrite),
            new SpzResultEncoder(),
            plan.Hotkey.Ss58Address, // never poll ourselves
            (double)settings.Metagraph.MinStakeTao,
            settings.Metagraph.SyncInterval,
            gpus.Names,
            (name, router) => gpus[name].Props(router, gpus.Gate, settings.Generation, settings.Splats),
            DensityBuckets: settings.Splats.Statistics,
            Persistence: settings.Persistence);
        var guardian = system.ActorOf(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        MiningShutdown.Register(system, guardian);
        var grace = gpus.Cards.SelectMany(c => c.Workers?.Processes ?? []).Select(p => p.Options.StopGracePeriod).DefaultIfEmpty(TimeSpan.Zero).Max();
        return new RunSession(system, dendrite, guardian, grace, logger);
    }

    /// <summary>
    /// Reads the counters the ScoreKeeper recovered, so the summary can tell this run's figures from the ledger's
    /// totals. The keeper answers once its recovery is done.
    /// </summary>
    public async Task RecordStartAsync() => _start = await FiguresAsync().ConfigureAwait(false);

    /// <summary>This run's figures (when the start was recorded) and the ledger's totals.</summary>
    public async Task<RunSummary> SummaryAsync()
    {
        var totals = await FiguresAsync().ConfigureAwait(false);
        var rates = await Guardian.Ask<SuccessRates>(new GetSuccessRates(), AskTimeout).ConfigureAwait(false);
        return new RunSummary(_uptime.Elapsed, _start is { } start ? totals.Since(start) : null, totals, rates.Overall);
    }

    private async Task<LedgerFigures> FiguresAsync() =>
        LedgerFigures.Sum((await Guardian.Ask<LedgerEntries>(new GetLedgerEntries(), AskTimeout).ConfigureAwait(false)).Entries);

    public async ValueTask DisposeAsync()
    {
        if (Admin is not null) await Admin.DisposeAsync().ConfigureAwait(false); // no operator request reaches a stopping tree
        var report = await MiningShutdown.RunAsync(_system, Guardian, ShutdownTimeout, CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
        // Exit anyway: a service manager would kill us later. Say which actors did not stop, for the operator.
        if (!report.Stopped)
            _logger.Warning("the actors did not all stop within {Timeout}; exiting anyway. Not answering: {Stuck}", ShutdownTimeout,
                report.NotAnswering.Count == 0 ? "none (they are stopping)" : string.Join(", ", report.NotAnswering.Select(a => $"{a.Path} ({a.ActorType})")));
        // Stopped cards send their worker processes SIGTERM and SIGKILL the tree after the grace period, in the
        // background: stay alive that long so the kill still happens if a worker ignores SIGTERM.
        if (_workerGrace > TimeSpan.Zero) await Task.Delay(_workerGrace + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        _dendrite.Dispose();
    }
}
