using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Akka.Configuration;
using Miner.Actors.Storage;
using Miner.Host.Generation;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;

namespace Miner.Host.Commands.Run;

/// <summary>
/// What `miner run`'s checks established: our hotkey and its uid on the subnet, where the validator set is re-read
/// from (subtensor, whose connection the plan keeps, or a devnet metagraph file), the validators eligible now and those skipped with the reason, the configured
/// cards, the run lock and the persistence plugins. Disposing closes the subtensor connection and the
/// backends' HTTP client, and releases the lock last.
/// </summary>
public sealed class RunPlan(
    LoadedHotkey hotkey, IValidatorSetSource source, SubtensorClient? subtensor, int ownUid,
    AxonAddressPolicy policy, IReadOnlyList<ValidatorInfo> eligible, IReadOnlyList<SkippedValidator> skipped,
    HttpClient http, ConfiguredGpus gpus, IReadOnlyList<string> deviceLines, LockFile runLock, Config persistence) : IAsyncDisposable
{
    public LoadedHotkey Hotkey { get; } = hotkey;

    /// <summary>Where the metagraph actor re-reads the validators at every sync.</summary>
    public IValidatorSetSource Source { get; } = source;

    /// <summary>Null when the validators come from a metagraph file (miner.metagraph.file).</summary>
    public SubtensorClient? Subtensor { get; } = subtensor;

    /// <summary>Our uid, on chain or in the metagraph file.</summary>
    public int OwnUid { get; } = ownUid;

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

    /// <summary>The Akka.Persistence plugins the preflight opened (journal and snapshots).</summary>
    public Config Persistence { get; } = persistence;

    public async ValueTask DisposeAsync()
    {
        if (Subtensor is not null) await Subtensor.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
        Lock.Dispose(); // last: the next miner may start only once this one let go of the database
    }
}
