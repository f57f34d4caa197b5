using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>Snapshots of persistent actors' state, so recovery replays only the events after the latest one.</summary>
public interface ISnapshotStore
{
    /// <summary>Stores a snapshot; one with the same persistence id and sequence number is replaced.</summary>
    Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellation = default);

    /// <summary>The snapshot with the highest sequence number matching <paramref name="criteria"/>, or null.</summary>
    Task<SnapshotEntry?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default);

    /// <summary>Deletes every snapshot of the id matching <paramref name="criteria"/>.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default);
}
