using System.Diagnostics;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.Configuration;
using Miner.Actors.Storage;
using Miner.Host.Admin;
using Miner.Host.Runtime;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Submission;
using Miner.Host.Devnet;
using Miner.Host.Logging;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Generation;
using Miner.Models.Validation;
using Serilog;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// The devnet and the real miner in one process: <see cref="DevnetNetwork"/> validators on loopback, a fresh dev
/// miner hotkey registered with them, and the mining actor tree (<see cref="MinerGuardian"/>) talking to them through
/// the real <see cref="Dendrite"/>, reading the devnet's metagraph file, with CPU pools standing in for GPU cards
/// (the CPU fallback backends, no text-to-image: text tasks are declined with an empty submission) and the
/// self-validation gate. The miner logs to a file under the output folder.
/// </summary>
public sealed class DevnetSession : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private static readonly Config InMemoryPersistence = ConfigurationFactory.ParseString(AkkaPersistenceConfig.InMemoryHocon);

    private readonly Serilog.Core.Logger _logger;
    private readonly ActorSystem _system;
    private readonly Dendrite _dendrite;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _cards;
    private readonly TaskCompletionSource<string> _cardFailure;

    private DevnetSession(DevnetNetwork network, string minerHotkey, Serilog.Core.Logger logger,
        ActorSystem system, Dendrite dendrite, IActorRef guardian, GenerationRecorder recorder, string logDirectory, int cards,
        TaskCompletionSource<string> cardFailure)
    {
        _cards = cards;
        _cardFailure = cardFailure;
        Network = network;
        MinerHotkey = minerHotkey;
        _logger = logger;
        _system = system;
        _dendrite = dendrite;
        Guardian = guardian;
        Recorder = recorder;
        LogDirectory = logDirectory;
    }

    public DevnetNetwork Network { get; }

    public string MinerHotkey { get; }

    public IActorRef Guardian { get; }

    public GenerationRecorder Recorder { get; }

    public string LogDirectory { get; }

    /// <summary>The operator's endpoint, once <see cref="StartAdminAsync"/> started it.</summary>
    public AdminEndpoint? Admin { get; private set; }

    /// <summary>
    /// Starts the admin endpoint over the devnet's tree (nothing when <c>miner.admin.enabled</c> is false): on a free
    /// port, so a devnet runs beside a real miner (and beside other devnets), with its token in
    /// <c>&lt;out&gt;/admin.token</c>, so it never touches the miner home. Stopped before the actor system.
    /// </summary>
    public async Task<AdminEndpoint?> StartAdminAsync(AdminOptions options, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return null;
        Admin = await AdminEndpoint.StartAsync(_system, Guardian, options, Path.Combine(outDirectory, "admin.token"), _logger, port: 0)
            .ConfigureAwait(false);
        return Admin;
    }

    /// <summary>The first card that stopped, with its reason (<c>gpu-0: gaussian budget must lie in ...</c>); null while all run.</summary>
    public string? CardFailure => _cardFailure.Task.IsCompletedSuccessfully ? _cardFailure.Task.Result : null;

    public static async Task<DevnetSession> StartAsync(DevnetRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Gpus is < 1 or > 64) throw new ArgumentException("--gpus must lie in 1..64");
        var devnet = request.Devnet;
        devnet.Validate();
        var settings = request.Miner;
        Directory.CreateDirectory(request.OutDirectory);

        // The console belongs to the status table: the miner logs to a file only.
        var logDirectory = Path.Combine(request.OutDirectory, "logs");
        settings.Logging.Console.Enabled = false;
        settings.Logging.File.Enabled = true;
        settings.Logging.File.Path = Path.Combine(logDirectory, "miner-.log");
        var logger = MinerLogger.Create(settings.Logging);

        // Devnet-only changes to the miner's settings (devnet.miner in devnet.conf): shorter blacklist window and backoff.
        var mining = settings.Mining;
        mining.Blacklist.NoAcceptWindow = devnet.Miner.NoAcceptWindow;
        mining.PollerBackoff = devnet.Miner.PollerBackoff;
        if (mining.TargetTime >= mining.GpuResultTimeout) mining.GpuResultTimeout = mining.TargetTime + TimeSpan.FromMinutes(1);
        // A submission given up is held for the longest cooldown it may have set: the devnet's, not the subnet's 16 min.
        var longestCooldown = Enumerable.Range(0, devnet.Validators).Select(uid => devnet.RulesOf(uid))
            .Max(r => r.TaskCooldown + r.CooldownPenalty);
        mining.UnansweredSubmissionHold = longestCooldown + TimeSpan.FromSeconds(20);

        DevnetNetwork? network = null;
        // Cards report a stop from their own threads, possibly before this method returns.
        var cardFailure = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnCardStopped(string reason)
        {
            if (cardFailure.TrySetResult(reason)) logger.Error("Devnet: {Reason}", reason);
        }
        try
        {
            network = await DevnetNetwork.StartAsync(devnet, tasks: new DevnetTaskBook(request.TaskLimit)).ConfigureAwait(false);
            var key = DevnetKeys.Miner(devnet.Seed);
            var hotkey = Ss58.Encode(key.PublicKey);
            network.RegisterMiner(hotkey);
            logger.Information("Devnet: {Validators} validators on {Host}, metagraph {Path}, dev miner hotkey {Hotkey}",
                devnet.Validators, devnet.Host, network.MetagraphPath, hotkey);

            // Loopback axons are allowed for the devnet only; a mainnet run keeps the public-only policy.
            var policy = new AxonAddressPolicy(allowLoopback: true);
            var dendrite = new Dendrite(key, settings.Dendrite, policy);
            // The devnet's journal is in memory: each run starts from a clean ledger.
            var system = MinerActorSystem.Create(settings.Akka, InMemoryPersistence, logger, settings.Logging.DeadLetters);
            var recorder = new GenerationRecorder(request.OutDirectory, logger.ForContext("SourceContext", "devnet.results"));
            var gpus = Enumerable.Range(0, request.Gpus).Select(i => $"gpu-{i}").ToList();
            Action<string> onCardStopped = OnCardStopped; // Akka's Props expressions cannot name a local function
            var cpu = settings.CpuBackends;
            var gate = new SelfValidationGate(settings.Gate, settings.Splats.ValidatorCheck);
            var setup = new MinerGuardianSetup(
                mining, new DevnetValidatorSetSource(network.MetagraphPath, policy), new DendriteValidatorClient(dendrite),
                new SpzResultEncoder(), hotkey, MinStakeTao: 1000, ResyncInterval: TimeSpan.FromSeconds(30), gpus,
                (gpu, router) => Props.Create(() => new RecordingGpu(
                    self => GenerationActor.Props(gpu, self,
                        // CPU fallbacks stand in for the card's models; no text-to-image, so text tasks are declined.
                        new GpuBackends(null, new BorderMattingBackgroundRemover(cpu), new SilhouetteInflationImageTo3D(cpu)),
                        gate, settings.Generation, settings.Splats),
                    router, recorder, onCardStopped)));
            var guardian = system.ActorOf(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
            MiningShutdown.Register(system, guardian);
            return new DevnetSession(network, hotkey, logger, system, dendrite, guardian, recorder, logDirectory, request.Gpus, cardFailure);
        }
        catch
        {
            if (network is not null) await network.DisposeAsync().ConfigureAwait(false);
            await logger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits until every card answers a status query, or one stops, or <paramref name="limit"/> passes. Null when all
    /// are ready; otherwise why not, in one line.
    /// </summary>
    public async Task<string?> WaitForCardsAsync(TimeSpan limit, CancellationToken cancellation = default)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (CardFailure is { } failure) return failure;
            var cards = await Guardian.Ask<List<IActorRef>>(new GetGpus(), AskTimeout).ConfigureAwait(false);
            var ready = 0;
            foreach (var card in cards)
            {
                try
                {
                    await card.Ask<GpuStatus>(GpuStatusQuery.Instance, TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
                    ready++;
                }
                catch (AskTimeoutException)
                {
                    // Not started yet, or gone: the failure, if any, arrives through OnCardStopped.
                }
            }
            if (CardFailure is { } late) return late;
            if (ready >= _cards) return null;
            if (deadline.Elapsed >= limit) return $"{_cards - ready} of {_cards} cards did not report ready within {limit.TotalSeconds:0} s (see the log under {LogDirectory})";
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Devnet counters, the miner's cooldown at each validator, the ScoreKeeper's blacklist, each card's state.</summary>
    public async Task<DevnetSnapshot> SnapshotAsync()
    {
        var blacklist = await Guardian.Ask<BlacklistSnapshot>(new GetBlacklist(), AskTimeout).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var rows = new List<DevnetValidatorRow>();
        foreach (var status in Network.Status())
        {
            var host = Network.Validators.First(v => v.Validator.Uid == status.Uid);
            var state = host.Validator.MinerState(MinerHotkey);
            TimeSpan? cooldown = state is { CooldownUntil: > 0 } && state.CooldownUntil > now
                ? TimeSpan.FromSeconds(state.CooldownUntil - now) : null;
            rows.Add(new DevnetValidatorRow(status, cooldown, blacklist.ReasonFor(status.Hotkey, status.Uid)));
        }
        var cards = await Guardian.Ask<List<IActorRef>>(new GetGpus(), AskTimeout).ConfigureAwait(false);
        var gpus = new List<GpuStatus>();
        foreach (var card in cards)
        {
            try
            {
                gpus.Add(await card.Ask<GpuStatus>(GpuStatusQuery.Instance, AskTimeout).ConfigureAwait(false));
            }
            catch (AskTimeoutException)
            {
                // A card busy restarting a stage answers late; the next refresh shows it.
            }
        }
        var inFlight = await Guardian.Ask<InFlightTasks>(new GetInFlightTasks(), AskTimeout).ConfigureAwait(false);
        return new DevnetSnapshot(_clock.Elapsed, rows, gpus.OrderBy(g => g.Gpu, StringComparer.Ordinal).ToList(),
            Recorder.Generated, Recorder.Declined, Network.Tasks.Settled, Network.Tasks.HandedOut, Network.Tasks.Limit, inFlight.Tasks.Count);
    }

    public async ValueTask DisposeAsync()
    {
        _cardFailure.TrySetCanceled(); // cards stopped by the shutdown are not failures
        if (Admin is not null) await Admin.DisposeAsync().ConfigureAwait(false);
        var report = await MiningShutdown.RunAsync(_system, Guardian, TimeSpan.FromSeconds(30), CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
        if (!report.Stopped)
            _logger.Warning("the actors did not all stop within 30 s; exiting anyway. Not answering: {Stuck}",
                string.Join(", ", report.NotAnswering.Select(a => a.Path)));
        await Recorder.FlushAsync().ConfigureAwait(false);
        _dendrite.Dispose();
        await Network.DisposeAsync().ConfigureAwait(false);
        await _logger.DisposeAsync().ConfigureAwait(false);
    }
}
