using Miner.Actors.Kernel;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Models.Splats;

namespace Miner.Actors.Mining;

/// <summary>
/// What the <see cref="MinerGuardian"/> needs to build the mining tree. <see cref="Persistence"/> null keeps the
/// ScoreKeeper's journal in memory (devnet, specs); given, the ScoreKeeper journals there and survives a kill.
/// </summary>
public sealed record MinerGuardianSetup(
    MiningOptions Options,
    IValidatorSetSource ValidatorSource,
    IValidatorClient Client,
    IResultEncoder Encoder,
    string? OwnHotkey,
    double MinStakeTao,
    TimeSpan ResyncInterval,
    IReadOnlyList<string> Gpus,
    Func<string, IActorRef, Props> GpuProps,
    CloudStatisticsOptions? DensityBuckets = null,
    Random? Random = null,
    PersistenceStores? Persistence = null);
