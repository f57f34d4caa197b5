using Miner.Models.Splats;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Scoring;

/// <summary>The whole <see cref="ScoreLedger"/> as the ScoreKeeper snapshots it (manifest <c>scorekeeper.state.v1</c>).</summary>
public sealed record ScoreLedgerState(
    IReadOnlyList<ValidatorRowState> Rows,
    IReadOnlyDictionary<DensityBucket, int> ScoredByBucket,
    IReadOnlyDictionary<DensityBucket, int> AcceptedByBucket,
    int Scored,
    int Accepted) : IMinerPersistentMessage;
