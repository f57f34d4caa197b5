using System.Globalization;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;
using Miner.Host.Configuration;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;
using Miner.Models.Generation;
using ChainMetagraph = Miner.Models.Bittensor.Chain.Metagraph;

namespace Miner.Host.Commands.Run;

/// <summary>Where the checks read from: the wallet, subtensor and its metagraph, the configured cards.</summary>
public sealed partial class RunPreflight
{
    /// <summary>The hotkey, or a refusal naming the file and how to make one.</summary>
    private static LoadedHotkey LoadHotkey(WalletOptions wallet)
    {
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

    private static string Name(object backend) => backend switch
    {
        ITextToImageBackend t => t.Name,
        IBackgroundRemovalBackend r => r.Name,
        IImageTo3DBackend i => i.Name,
        IPromptTo3DBackend p => p.Name,
        _ => backend.GetType().Name,
    };

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");

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

    private ConfiguredGpus LoadCards(HttpClient http)
    {
        try
        {
            var gpus = ConfiguredGpus.From(_settings, http, warn: m => _info("warning: " + m));
            foreach (var card in gpus.Cards) _info($"card {card}");
            return gpus;
        }
        catch (ArgumentException error)
        {
            throw new RunRefusedException($"miner.generation: {error.Message}", error);
        }
    }

    private async Task<IReadOnlyList<GpuCard>> QueryCardsAsync(CancellationToken cancellation)
    {
        try
        {
            return await NvidiaSmi.QueryAsync(NvidiaSmiTimeout, cancellation, _request.NvidiaSmi).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or FormatException)
        {
            // The cards' services may well run elsewhere; the report says nvidia-smi could not be read.
            _info($"warning: nvidia-smi could not list the cards: {error.Message}");
            return [];
        }
    }
}
