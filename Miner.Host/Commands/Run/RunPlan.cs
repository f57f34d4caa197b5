using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Akka.Configuration;
using Miner.Actors.Storage;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;
using ChainMetagraph = Miner.Models.Bittensor.Chain.Metagraph;

namespace Miner.Host.Commands.Run;

/// <summary>
/// What `miner run`'s checks established: our hotkey and its neuron on the subnet, the subtensor connection (kept
/// for the metagraph re-syncs), the validators eligible now and those skipped with the reason, the configured
/// cards, the run lock and the persistence plugins. Disposing closes the subtensor connection and the
/// backends' HTTP client, and releases the lock last.
/// </summary>
public sealed class RunPlan(
    LoadedHotkey hotkey, Uri endpoint, SubtensorClient subtensor, ChainMetagraph metagraph, MetagraphNeuron own,
    AxonAddressPolicy policy, IReadOnlyList<ValidatorInfo> eligible, IReadOnlyList<SkippedValidator> skipped,
    HttpClient http, ConfiguredGpus gpus, IReadOnlyList<string> deviceLines, LockFile runLock, Config persistence) : IAsyncDisposable
{
    public LoadedHotkey Hotkey { get; } = hotkey;
    public Uri Endpoint { get; } = endpoint;
    public SubtensorClient Subtensor { get; } = subtensor;
    public ChainMetagraph Metagraph { get; } = metagraph;
    public MetagraphNeuron Own { get; } = own;

    /// <summary>Which axon addresses the metagraph source and the dendrite accept (public only unless configured).</summary>
    public AxonAddressPolicy Policy { get; } = policy;

    public IReadOnlyList<ValidatorInfo> Eligible { get; } = eligible;
    public IReadOnlyList<SkippedValidator> Skipped { get; } = skipped;
    public HttpClient Http { get; } = http;
    public ConfiguredGpus Gpus { get; } = gpus;

    /// <summary>Each card's device against what nvidia-smi lists.</summary>
    public IReadOnlyList<string> DeviceLines { get; } = deviceLines;

    /// <summary>Keeps a second miner off this hotkey and database while this one runs (<see cref="RunLock"/>).</summary>
    public LockFile Lock { get; } = runLock;

    /// <summary>The journal and snapshot store the ScoreKeeper and the task ledger write to.</summary>
    /// <summary>The Akka.Persistence plugins the preflight opened (journal and snapshots).</summary>
    public Config Persistence { get; } = persistence;

    public async ValueTask DisposeAsync()
    {
        await Subtensor.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
        Lock.Dispose(); // last: the next miner may start only once this one let go of the database
    }
}
