using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>Which snapshots a load or delete considers: sequence numbers in [Min, Max] taken no later than <see cref="MaxTimestamp"/>.</summary>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTimeOffset MaxTimestamp, long MinSequenceNr = 0)
{
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    public static SnapshotSelectionCriteria UpTo(long maxSequenceNr) => new(maxSequenceNr, DateTimeOffset.MaxValue);

    public bool Matches(long sequenceNr, DateTimeOffset timestamp) =>
        sequenceNr >= MinSequenceNr && sequenceNr <= MaxSequenceNr && timestamp <= MaxTimestamp;
}
