using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Storage;
using Miner.Models.Splats;

namespace Miner.Actors.Mining;

/// <summary>
/// What the <see cref="MinerGuardian"/> needs to build the mining tree. The ScoreKeeper journals to the system's default
/// persistence plugin (in memory for devnet and specs); <see cref="Persistence"/> given (a durable journal) adds the
/// in-flight task ledger and sets the snapshot interval.
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
    PersistenceOptions? Persistence = null);
