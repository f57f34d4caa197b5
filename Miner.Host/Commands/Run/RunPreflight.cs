using System.Globalization;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Persistence;
using Miner.Host.Configuration;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Generation;
using ChainMetagraph = Miner.Models.Bittensor.Chain.Metagraph;

namespace Miner.Host.Commands.Run;

/// <summary>
/// `miner run`'s checks, in order, each refusing with one line (<see cref="RunRefusedException"/>) that names the file
/// or setting at fault: the hotkey file, the subtensor and our registration on the subnet, the mining and card
/// configuration, the persistence stores. <see cref="CheckBackendsAsync"/> asks each card's services for their health.
/// </summary>
public static class RunPreflight
{
    private static readonly TimeSpan NvidiaSmiTimeout = TimeSpan.FromSeconds(10);

    /// <param name="info">Hears one line per check passed (the run prints and logs them).</param>
    public static async Task<RunPlan> PrepareAsync(RunRequest request, Action<string> info, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        var hotkey = LoadHotkey(settings.Wallet);
        foreach (var warning in hotkey.Warnings) info("warning: " + warning);
        info($"hotkey {hotkey.Ss58Address} loaded from {hotkey.Path}");

        try
        {
            settings.Mining.Validate();
            settings.Dendrite.Validate();
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException(error.Message, error);
        }
        var policy = AddressPolicy(settings);
        var endpoint = Endpoint(settings.Subtensor);
        CheckPolicyFitsNetwork(endpoint, settings.Metagraph);

        var subtensor = new SubtensorClient(new JsonRpcWebSocketClient(endpoint, settings.Subtensor), legacyRuntime: settings.Subtensor.LegacyRuntime);
        HttpClient? http = null;
        try
        {
            var metagraph = await ReadMetagraphAsync(subtensor, endpoint, settings.Metagraph, cancellation).ConfigureAwait(false);
            var netuid = settings.Metagraph.Netuid;
            var own = metagraph.FindByHotkey(new AccountId(hotkey.Keypair.PublicKey))
                ?? throw new RunRefusedException(
                    $"hotkey {hotkey.Ss58Address} is not registered on netuid {netuid} at block {metagraph.Block.Number} ({endpoint}); " +
                    $"register it with `btcli subnet register --netuid {netuid} --wallet.name {settings.Wallet.Name} --wallet.hotkey {settings.Wallet.Hotkey}`");
            info(string.Create(CultureInfo.InvariantCulture,
                $"registered on netuid {netuid} as uid {own.Uid} at block {metagraph.Block.Number} ({metagraph.Neurons.Count} neurons, {endpoint})"));

            var candidates = metagraph.Neurons.Select(n => SubtensorValidatorSetSource.ToCandidate(n, policy)).ToList();
            var blacklist = new BlacklistSnapshot(settings.Mining.Blacklist.Uids, settings.Mining.Blacklist.Hotkeys,
                new Dictionary<string, BlacklistEntry>(StringComparer.Ordinal));
            var (eligible, skipped) = ValidatorEligibility.Evaluate(candidates, (double)settings.Metagraph.MinStakeTao, hotkey.Ss58Address, blacklist);
            info($"{eligible.Count} validator(s) eligible, {skipped.Count} neuron(s) skipped (stake S >= {settings.Metagraph.MinStakeTao} and a {Describe(policy)} axon needed)");

            http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var gpus = LoadCards(settings, http, info);
            var found = await QueryCardsAsync(request.NvidiaSmi, info, cancellation).ConfigureAwait(false);
            var (lines, _) = gpus.DeviceReport(found);
            if (found.Count > 0)
            {
                // A card that starts worker processes hands them its device; one nvidia-smi does not list cannot work.
                var absent = gpus.Cards.FirstOrDefault(c => c.Workers is not null && found.All(g => g.Index != c.Device));
                if (absent is not null)
                    throw new RunRefusedException(
                        $"miner.generation: card {absent.Name} starts worker processes on device {absent.Device}, which nvidia-smi does not list " +
                        $"(devices {string.Join(", ", found.Select(g => g.Index))}); fix its device setting");
            }
            return new RunPlan(hotkey, endpoint, subtensor, metagraph, own, policy, eligible, skipped, http, gpus, lines);
        }
        catch
        {
            http?.Dispose();
            await subtensor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The hotkey, or a refusal naming the file and how to make one.</summary>
    public static LoadedHotkey LoadHotkey(WalletOptions wallet)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        WalletLocation location;
        try
        {
            location = wallet.ToLocation();
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException($"wallet settings: {error.Message}", error);
        }
        if (!File.Exists(location.HotkeyFile))
            throw new RunRefusedException(
                $"hotkey file {location.HotkeyFile} not found: create it with `miner keys new` or btcli " +
                "(or point wallet.path / wallet.name / wallet.hotkey, --wallet.name and --wallet.hotkey, at an existing one)");
        try
        {
            return new Wallet(location).LoadHotkey();
        }
        catch (KeyfileException error)
        {
            throw new RunRefusedException($"cannot use the hotkey: {error.Message}", error);
        }
    }

    /// <summary>The stores <c>miner.persistence</c> names (schema created), or a refusal naming the setting.</summary>
    public static async Task<PersistenceStores> OpenStoresAsync(PersistenceOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var where = options.Provider == PersistenceProvider.Sqlite
            ? $"sqlite file {Path.GetFullPath(options.SqlitePath)} (miner.persistence.sqlite-path)"
            : "postgres (miner.persistence.postgres-connection-string)";
        try
        {
            return await PersistenceStores.OpenAsync(options, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new RunRefusedException($"cannot open the persistence store, {where}: {error.Message}", error);
        }
    }

    /// <summary>
    /// One line per service of each card: healthy, or what failed. A service that the card starts itself is not up
    /// before the run, so its failure is a note; any other failing service is a problem.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Lines, int Problems)> CheckBackendsAsync(ConfiguredGpus gpus, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(gpus);
        var lines = new List<string>();
        var problems = 0;
        foreach (var card in gpus.Cards)
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
                    lines.Add($"{label}: {Name(backend!)} (no health endpoint to ask)");
                    continue;
                }
                var health = await checkable.CheckHealthAsync(cancellation).ConfigureAwait(false);
                var ms = string.Create(CultureInfo.InvariantCulture, $"{health.Latency.TotalMilliseconds:F0} ms");
                if (health.Healthy)
                    lines.Add($"{label}: healthy ({ms})");
                else if (card.Workers?.Processes.Any(p => p.Backend == role) == true)
                    lines.Add($"{label}: not answering ({health.Detail}); the run starts its worker process, so this is expected before `miner run`");
                else
                {
                    problems++;
                    lines.Add($"{label}: UNHEALTHY: {health.Detail}");
                }
            }
        }
        return (lines, problems);
    }

    private static string Name(object backend) => backend switch
    {
        ITextToImageBackend t => t.Name,
        IBackgroundRemovalBackend r => r.Name,
        IImageTo3DBackend i => i.Name,
        IPromptTo3DBackend p => p.Name,
        _ => backend.GetType().Name,
    };

    private static AxonAddressPolicy AddressPolicy(MinerSettings settings) => settings.Metagraph.AddressPolicy;

    private static string Describe(AxonAddressPolicy policy) =>
        policy is { AllowLoopback: false, AllowPrivate: false, AllowLinkLocal: false } ? "public" : "public, " + string.Join(", ",
            new[] { (policy.AllowLoopback, "loopback"), (policy.AllowPrivate, "private"), (policy.AllowLinkLocal, "link-local") }
                .Where(p => p.Item1).Select(p => p.Item2)) + " (as configured)";

    private static Uri Endpoint(SubtensorOptions options)
    {
        try
        {
            options.Validate();
            return SubtensorEndpoint.Resolve(options.Network, options.ChainEndpoint);
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException($"subtensor settings: {error.Message}", error);
        }
    }

    /// <summary>Mainnet axons are dialled at public addresses only: a loopback or private axon on finney is a trap.</summary>
    private static void CheckPolicyFitsNetwork(Uri endpoint, MetagraphOptions metagraph)
    {
        if (SubtensorEndpoint.NetworkOf(endpoint) != "finney") return;
        var allowed = new[] { (metagraph.AllowLoopbackAxons, "allow-loopback-axons"), (metagraph.AllowPrivateAxons, "allow-private-axons"),
            (metagraph.AllowLinkLocalAxons, "allow-link-local-axons") }.Where(a => a.Item1).Select(a => "miner.metagraph." + a.Item2).ToList();
        if (allowed.Count > 0)
            throw new RunRefusedException($"{string.Join(", ", allowed)} is on while mining on finney ({endpoint}): mainnet validators are called at public addresses only; turn it off");
    }

    private static async Task<ChainMetagraph> ReadMetagraphAsync(
        SubtensorClient client, Uri endpoint, MetagraphOptions options, CancellationToken cancellation)
    {
        try
        {
            var block = options.UseFinalizedBlock
                ? await client.GetFinalizedBlockAsync(cancellation).ConfigureAwait(false)
                : await client.GetBestBlockAsync(cancellation).ConfigureAwait(false);
            return await client.GetMetagraphAsync(options.Netuid, block, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SubtensorTransportException or TimeoutException)
        {
            throw new RunRefusedException(
                $"subtensor {endpoint} is unreachable: {error.Message} (settings subtensor.network / subtensor.chain-endpoint, --subtensor.chain-endpoint)", error);
        }
        catch (Exception error) when (error is JsonRpcException or InvalidDataException or FormatException)
        {
            throw new RunRefusedException($"cannot read the metagraph of netuid {options.Netuid} from subtensor {endpoint}: {error.Message}", error);
        }
    }

    private static ConfiguredGpus LoadCards(MinerSettings settings, HttpClient http, Action<string> info)
    {
        if (settings.Generation.Gpus.Count == 0)
            throw new RunRefusedException(
                "miner.generation.gpus is empty: configure at least one card with its services (see hocon/examples/seed-layout.conf and monolithic.conf)");
        try
        {
            var gpus = Host.Generation.ConfiguredGpus.From(settings, http, warn: m => info("warning: " + m));
            foreach (var card in gpus.Cards) info($"card {card}");
            return gpus;
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException($"miner.generation: {error.Message}", error);
        }
    }

    private static async Task<IReadOnlyList<GpuCard>> QueryCardsAsync(string nvidiaSmi, Action<string> info, CancellationToken cancellation)
    {
        try
        {
            return await NvidiaSmi.QueryAsync(NvidiaSmiTimeout, cancellation, nvidiaSmi).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or FormatException)
        {
            // The cards' services may well run elsewhere; the report says nvidia-smi could not be read.
            info($"warning: nvidia-smi could not list the cards: {error.Message}");
            return [];
        }
    }
}
