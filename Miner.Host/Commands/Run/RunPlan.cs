using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using ChainMetagraph = Miner.Models.Bittensor.Chain.Metagraph;

namespace Miner.Host.Commands.Run;

/// <summary>
/// What `miner run`'s checks established: our hotkey and its neuron on the subnet, the subtensor connection (kept
/// for the metagraph re-syncs), the validators eligible now and those skipped with the reason, and the configured
/// cards. Disposing closes the subtensor connection and the backends' HTTP client.
/// </summary>
public sealed class RunPlan(
    LoadedHotkey hotkey, Uri endpoint, SubtensorClient subtensor, ChainMetagraph metagraph, MetagraphNeuron own,
    AxonAddressPolicy policy, IReadOnlyList<ValidatorInfo> eligible, IReadOnlyList<(ValidatorCandidate Candidate, string Reason)> skipped,
    HttpClient http, ConfiguredGpus gpus, IReadOnlyList<string> deviceLines) : IAsyncDisposable
{
    public LoadedHotkey Hotkey { get; } = hotkey;
    public Uri Endpoint { get; } = endpoint;
    public SubtensorClient Subtensor { get; } = subtensor;
    public ChainMetagraph Metagraph { get; } = metagraph;
    public MetagraphNeuron Own { get; } = own;

    /// <summary>Which axon addresses the metagraph source and the dendrite accept (public only unless configured).</summary>
    public AxonAddressPolicy Policy { get; } = policy;

    public IReadOnlyList<ValidatorInfo> Eligible { get; } = eligible;
    public IReadOnlyList<(ValidatorCandidate Candidate, string Reason)> Skipped { get; } = skipped;
    public HttpClient Http { get; } = http;
    public ConfiguredGpus Gpus { get; } = gpus;

    /// <summary>Each card's device against what nvidia-smi lists.</summary>
    public IReadOnlyList<string> DeviceLines { get; } = deviceLines;

    public async ValueTask DisposeAsync()
    {
        await Subtensor.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
    }
}
