using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>A snapshot store held in memory (specs and throwaway runs).</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly object _gate = new();
    private readonly List<SnapshotEntry> _snapshots = new();

    public Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            _snapshots.RemoveAll(s => s.PersistenceId == snapshot.PersistenceId && s.SequenceNr == snapshot.SequenceNr);
            _snapshots.Add(snapshot);
        }
        return Task.CompletedTask;
    }

    public Task<SnapshotEntry?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_snapshots
                .Where(s => s.PersistenceId == persistenceId && criteria.Matches(s.SequenceNr, s.Timestamp))
                .MaxBy(s => s.SequenceNr));
        }
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        lock (_gate) _snapshots.RemoveAll(s => s.PersistenceId == persistenceId && criteria.Matches(s.SequenceNr, s.Timestamp));
        return Task.CompletedTask;
    }
}
