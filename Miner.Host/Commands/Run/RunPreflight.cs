using System.Globalization;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Akka.Configuration;
using Miner.Actors.Storage;
using Miner.Host.Commands.Devnet;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;
using Miner.Models.Generation;
using ChainMetagraph = Miner.Models.Bittensor.Chain.Metagraph;

namespace Miner.Host.Commands.Run;

/// <summary>
/// `miner run`'s checks, in order: the miner home, the hotkey, the run lock, the mining settings, the subtensor, our
/// registration, the validators, the cards and their devices, the persistence store, and (dry run) the services'
/// health. Each failure is one line naming the file or setting at fault (<see cref="RunRefusedException"/>).
/// <see cref="PrepareAsync"/> (the run) stops at the first; <see cref="DryRunAsync"/> runs every check that can
/// still run and reports one that needs a failed one as skipped. A check that may wait says so before it does.
/// </summary>
public sealed partial class RunPreflight : IAsyncDisposable
{
    private static readonly TimeSpan NvidiaSmiTimeout = TimeSpan.FromSeconds(10);

    private readonly RunRequest _request;
    private readonly MinerSettings _settings;
    private readonly bool _dryRun;
    private readonly Action<string> _info;
    private readonly Action<string> _detail;
    private readonly Action<string> _failure;
    private readonly HashSet<string> _passed = new(StringComparer.Ordinal);
    private readonly List<string> _failed = [];

    private LoadedHotkey? _hotkey;
    private Uri? _endpoint;
    private SubtensorClient? _subtensor;
    private ChainMetagraph? _metagraph;
    private MetagraphNeuron? _own;
    private DevnetMetagraph? _file;
    private DevnetMetagraphMiner? _fileOwn;
    private IReadOnlyList<ValidatorInfo> _eligible = [];
    private IReadOnlyList<SkippedValidator> _skipped = [];
    private HttpClient? _http;
    private ConfiguredGpus? _gpus;
    private IReadOnlyList<string> _deviceLines = [];
    private LockFile? _lock;
    private Config? _persistence;

    private RunPreflight(RunRequest request, bool dryRun, Action<string> info, Action<string> detail, Action<string> failure)
    {
        _request = request;
        _settings = request.Settings;
        _dryRun = dryRun;
        _info = info;
        _detail = detail;
        _failure = failure;
    }

    /// <summary>
    /// Runs the checks for a real run and hands over what they opened (subtensor, cards, lock, stores) as the plan.
    /// </summary>
    /// <param name="info">Hears progress and one line per check passed (the run logs them).</param>
    /// <param name="detail">Hears what only debug logging shows (each skipped neuron).</param>
    /// <exception cref="RunRefusedException">The first check that failed.</exception>
    public static async Task<RunPlan> PrepareAsync(RunRequest request, Action<string> info, Action<string> detail, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var preflight = new RunPreflight(request, dryRun: false, info, detail, failure: _ => { });
        await preflight.RunAsync(cancellation).ConfigureAwait(false);
        return preflight.HandOver();
    }

    /// <summary>
    /// Runs every check that can run, takes nothing it keeps (the lock is only asked about), closes what it opened.
    /// </summary>
    /// <param name="failure">Hears one line per failed check.</param>
    /// <returns>The names of the checks that failed, in order; empty when the miner is ready.</returns>
    public static async Task<IReadOnlyList<string>> DryRunAsync(RunRequest request, Action<string> info, Action<string> detail,
        Action<string> failure, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var preflight = new RunPreflight(request, dryRun: true, info, detail, failure);
        await preflight.RunAsync(cancellation).ConfigureAwait(false);
        return preflight._failed;
    }

    private async Task RunAsync(CancellationToken cancellation)
    {
        await CheckAsync("home", [], () => CheckHome()).ConfigureAwait(false);
        await CheckAsync("hotkey", [], () => CheckHotkey()).ConfigureAwait(false);
        await CheckAsync("lock", ["home", "hotkey"], () => CheckLock()).ConfigureAwait(false);
        await CheckAsync("settings", [], () => CheckSettings()).ConfigureAwait(false);
        // With a metagraph file (a devnet's, `miner devnet validators`) the file stands in for subtensor: the chain is
        // never contacted, and registration and validators are checked against the file.
        var source = _settings.Metagraph.HasFile ? "metagraph-file" : "subtensor";
        if (_settings.Metagraph.HasFile)
        {
            _info($"subtensor: skipped: miner.metagraph.file is set; the validators and our uid come from {FilePath} and subtensor is not contacted");
            await CheckAsync("metagraph-file", [], () => CheckMetagraphFile()).ConfigureAwait(false);
        }
        else await CheckAsync("subtensor", [], () => CheckSubtensorAsync(cancellation)).ConfigureAwait(false);
        await CheckAsync("registration", ["hotkey", source], () => _file is null ? CheckRegistration() : CheckFileRegistration()).ConfigureAwait(false);
        await CheckAsync("validators", ["hotkey", source], () => CheckValidators()).ConfigureAwait(false);
        await CheckAsync("cards", [], () => CheckCardsAsync(cancellation)).ConfigureAwait(false);
        // The store is another miner's while it holds the lock: not even a dry run opens it then.
        await CheckAsync("persistence", ["home", "lock"], () => CheckPersistenceAsync(cancellation)).ConfigureAwait(false);
        // Services a run starts itself are not up before it; the run's cards find out on their own.
        if (_dryRun) await CheckAsync("backends", ["cards"], () => CheckBackendsAsync(cancellation)).ConfigureAwait(false);
    }

    private async Task CheckAsync(string name, string[] needs, Func<Task> check)
    {
        var missing = needs.Where(n => !_passed.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            _info($"{name}: skipped: needs {string.Join(", ", missing)}");
            return;
        }
        try
        {
            await check().ConfigureAwait(false);
            _passed.Add(name);
        }
        catch (RunRefusedException refusal) when (_dryRun)
        {
            _failed.Add(name);
            _failure(refusal.Message);
        }
    }

    private Task CheckHome()
    {
        try
        {
            _settings.Home.Ensure();
        }
        catch (IOException error)
        {
            throw new RunRefusedException(error.Message, error);
        }
        _info($"home {_settings.Home.Path}");
        return Task.CompletedTask;
    }

    private Task CheckHotkey()
    {
        _hotkey = LoadHotkey(_settings.Wallet);
        foreach (var warning in _hotkey.Warnings) _info("warning: " + warning);
        _info($"hotkey {_hotkey.Ss58Address} loaded from {_hotkey.Path}");
        return Task.CompletedTask;
    }

    private Task CheckLock()
    {
        var hotkey = _hotkey!.Ss58Address;
        var database = RunLock.DatabaseOf(_settings.Persistence);
        if (_dryRun)
        {
            var path = RunLock.Probe(_settings.Home, hotkey, database);
            _info($"lock {path}: free (the run takes it)");
        }
        else
        {
            _lock = RunLock.Take(_settings.Home, hotkey, database);
            _info($"lock {_lock.Path} taken (pid {Environment.ProcessId}, {database})");
        }
        return Task.CompletedTask;
    }

    private Task CheckSettings()
    {
        try
        {
            _settings.Mining.Validate();
            _settings.Dendrite.Validate();
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException(error.Message, error);
        }
        _info("settings: miner.mining and miner.dendrite are valid");
        return Task.CompletedTask;
    }

    private async Task CheckSubtensorAsync(CancellationToken cancellation)
    {
        var options = _settings.Subtensor;
        var endpoint = Endpoint(options);
        CheckPolicyFitsNetwork(endpoint, _settings.Metagraph);
        _info(string.Create(CultureInfo.InvariantCulture,
            $"checking subtensor {endpoint} (timeout {Seconds(options.ConnectTimeout)} per connect, {options.MaxConnectAttempts} attempt(s); {Seconds(options.RequestTimeout)} per request) ..."));
        var subtensor = new SubtensorClient(new JsonRpcWebSocketClient(endpoint, options), legacyRuntime: options.LegacyRuntime);
        try
        {
            _metagraph = await ReadMetagraphAsync(subtensor, endpoint, _settings.Metagraph, cancellation).ConfigureAwait(false);
        }
        catch
        {
            await subtensor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _endpoint = endpoint;
        _subtensor = subtensor;
        _info(string.Create(CultureInfo.InvariantCulture,
            $"subtensor {endpoint}: metagraph of netuid {_settings.Metagraph.Netuid} read at block {_metagraph.Block.Number} ({_metagraph.Neurons.Count} neurons)"));
    }

    private Task CheckRegistration()
    {
        var (hotkey, metagraph, netuid, wallet) = (_hotkey!, _metagraph!, _settings.Metagraph.Netuid, _settings.Wallet);
        _own = metagraph.FindByHotkey(new AccountId(hotkey.Keypair.PublicKey))
            ?? throw new RunRefusedException(
                $"hotkey {hotkey.Ss58Address} is not registered on netuid {netuid} at block {metagraph.Block.Number} ({_endpoint}); " +
                $"register it with `btcli subnet register --netuid {netuid} --wallet.name {wallet.Name} --wallet.hotkey {wallet.Hotkey}`");
        _info(string.Create(CultureInfo.InvariantCulture,
            $"registered on netuid {netuid} as uid {_own.Uid} at block {metagraph.Block.Number} ({metagraph.Neurons.Count} neurons, {_endpoint})"));
        return Task.CompletedTask;
    }

    private string FilePath => Path.GetFullPath(_settings.Metagraph.File);

    private Task CheckMetagraphFile()
    {
        var netuid = _settings.Metagraph.Netuid;
        try
        {
            _file = DevnetMetagraphFile.Read(FilePath);
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            // The reader's messages name the file and the field.
            throw new RunRefusedException($"miner.metagraph.file (--metagraph.file): {error.Message.ReplaceLineEndings(" ")}", error);
        }
        if (_file.Netuid != netuid)
            throw new RunRefusedException(
                $"miner.metagraph.file (--metagraph.file): {FilePath} describes netuid {_file.Netuid}, but miner.metagraph.netuid is {netuid} (--netuid)");
        _info($"metagraph file {FilePath}: netuid {netuid}, {_file.Validators.Count} validator(s), {_file.Miners.Count} miner(s); loopback axons allowed");
        return Task.CompletedTask;
    }

    private Task CheckFileRegistration()
    {
        var hotkey = _hotkey!.Ss58Address;
        _fileOwn = _file!.Miners.FirstOrDefault(m => m.Hotkey == hotkey)
            ?? throw new RunRefusedException(
                $"hotkey {hotkey} is not among the miners of metagraph file {FilePath} (miner.metagraph.file); " +
                $"start `miner devnet validators` with --miners {hotkey}");
        _info($"registered in metagraph file {FilePath} as uid {_fileOwn.Uid} (not checked on chain)");
        return Task.CompletedTask;
    }

    private Task CheckValidators()
    {
        var policy = _settings.Metagraph.AddressPolicy;
        var minStake = (double)_settings.Metagraph.MinStakeTao;
        var candidates = _file is not null
            ? DevnetValidatorSetSource.Candidates(_file, policy)
            : _metagraph!.Neurons.Select(n => SubtensorValidatorSetSource.ToCandidate(n, policy)).ToList();
        var blacklist = new BlacklistSnapshot(_settings.Mining.Blacklist.Uids, _settings.Mining.Blacklist.Hotkeys,
            new Dictionary<string, BlacklistEntry>(StringComparer.Ordinal));
        (_eligible, _skipped) = ValidatorEligibility.Evaluate(candidates, minStake, _hotkey!.Ss58Address, blacklist);
        _info(string.Create(CultureInfo.InvariantCulture,
            $"validators eligible ({_eligible.Count}): stake S >= {minStake:0.###} τ and a {Describe(policy)} axon"));
        foreach (var v in _eligible.OrderByDescending(v => v.StakeTao))
            _info(string.Create(CultureInfo.InvariantCulture, $"  uid {v.Uid} {v.Hotkey} S {v.StakeTao:F1} at {v.Axon.Address}:{v.Axon.Port}"));
        // With 256 neurons a line per uid is noise: counts by reason, and each uid only at debug level.
        _info($"validators skipped ({_skipped.Count}): {SkippedValidatorCounts.Describe(_skipped)}");
        foreach (var s in _skipped.OrderBy(s => s.Candidate.Uid))
            _detail($"  uid {s.Candidate.Uid} {s.Candidate.Hotkey}: {s.Reason}");
        if (_eligible.Count == 0) _info("warning: no validator is eligible now; the miner would wait for the next metagraph sync");
        return Task.CompletedTask;
    }

    private async Task CheckCardsAsync(CancellationToken cancellation)
    {
        if (_settings.Generation.Gpus.Count == 0)
            throw new RunRefusedException(
                "miner.generation.gpus is empty: configure at least one card with its services (see hocon/examples/seed-layout.conf and monolithic.conf)");
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var gpus = LoadCards(http);
            _info($"checking devices with {_request.NvidiaSmi} (timeout {Seconds(NvidiaSmiTimeout)}) ...");
            var found = await QueryCardsAsync(cancellation).ConfigureAwait(false);
            if (found.Count > 0)
            {
                // A card that starts worker processes hands them its device; one nvidia-smi does not list cannot work.
                var absent = gpus.Cards.FirstOrDefault(c => c.Workers is not null && found.All(g => g.Index != c.Device));
                if (absent is not null)
                    throw new RunRefusedException(
                        $"miner.generation: card {absent.Name} starts worker processes on device {absent.Device}, which nvidia-smi does not list " +
                        $"(devices {string.Join(", ", found.Select(g => g.Index))}); fix its device setting");
            }
            _deviceLines = gpus.DeviceReport(found).Lines;
            _info("devices:");
            foreach (var line in _deviceLines) _info("  " + line);
            _gpus = gpus;
            _http = http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private async Task CheckPersistenceAsync(CancellationToken cancellation)
    {
        var options = _settings.Persistence;
        var where = options.Provider == PersistenceProvider.Sqlite
            ? $"sqlite file {Path.GetFullPath(options.SqlitePath)} (miner.persistence.sqlite-path)"
            : $"{AkkaPersistenceConfig.Describe(options)} (miner.persistence.postgres-connection-string)";
        _info($"checking persistence: opening {where} ...");
        try
        {
            // A journal of the layout before Akka.Persistence is carried over once; a dry run changes nothing.
            if (!_dryRun) LegacyJournalMigration.MigrateOnFirstStart(options, _settings.Home.Path, line => _info(line));
            _persistence = AkkaPersistenceConfig.For(options);
            if (options.Provider == PersistenceProvider.Postgres)
            {
                await using var connection = new Npgsql.NpgsqlConnection(options.PostgresConnectionString);
                await connection.OpenAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new RunRefusedException($"cannot open the persistence store, {where}: {error.Message}", error);
        }
        _info($"persistence: {options.Provider.ToString().ToLowerInvariant()} store opened");
    }

    /// <summary>
    /// One line per service of each card: healthy, or what failed. A service that the card starts itself is not up
    /// before the run, so its failure is a note; any other failing service fails the check.
    /// </summary>
    private async Task CheckBackendsAsync(CancellationToken cancellation)
    {
        _info("checking backends: GET /health of each card's services (each within its health-timeout) ...");
        _info("backends:");
        var problems = 0;
        foreach (var card in _gpus!.Cards)
        {
            var b = card.Backends;
            (string Role, object? Backend)[] services =
            [
                ("generate", b.PromptTo3D), ("text-to-image", b.TextToImage), ("background-removal", b.BackgroundRemoval), ("image-to-3d", b.ImageTo3D),
            ];
            foreach (var (role, backend) in services.Where(s => s.Backend is not null))
            {
                var label = $"{card.Name} {role}";
                if (backend is not IHealthCheckedBackend checkable)
                {
                    _info($"  {label}: {Name(backend!)} (no health endpoint to ask)");
                    continue;
                }
                var health = await checkable.CheckHealthAsync(cancellation).ConfigureAwait(false);
                var ms = string.Create(CultureInfo.InvariantCulture, $"{health.Latency.TotalMilliseconds:F0} ms");
                if (health.Healthy)
                    _info($"  {label}: healthy ({ms})");
                else if (card.Workers?.Processes.Any(p => p.Backend == role) == true)
                    _info($"  {label}: not answering ({health.Detail}); the run starts its worker process, so this is expected before `miner run`");
                else
                {
                    problems++;
                    _info($"  {label}: UNHEALTHY: {health.Detail}");
                }
            }
        }
        if (problems > 0) throw new RunRefusedException($"backends: {problems} service(s) unhealthy; the cards using them would not ask for work");
    }

    /// <summary>What the run keeps; from here on the plan owns it.</summary>
    private RunPlan HandOver()
    {
        IValidatorSetSource source = _file is not null
            ? new DevnetValidatorSetSource(FilePath, _settings.Metagraph.AddressPolicy)
            : new SubtensorValidatorSetSource(_subtensor!, _settings.Metagraph, _endpoint!.ToString());
        var plan = new RunPlan(_hotkey!, source, _subtensor, _fileOwn?.Uid ?? _own!.Uid, _settings.Metagraph.AddressPolicy, _eligible, _skipped,
            _http!, _gpus!, _deviceLines, _lock!, _persistence!);
        (_subtensor, _http, _lock) = (null, null, null);
        return plan;
    }

    /// <summary>Closes what the checks opened and no plan took.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_subtensor is not null) await _subtensor.DisposeAsync().ConfigureAwait(false);
        _http?.Dispose();
        _lock?.Dispose();
    }
}
