using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.TestKit;

/// <summary>A snapshot store (in memory unless another is wrapped) whose saves, loads and deletes fail or wait on demand.</summary>
public sealed class TestSnapshotStore(ISnapshotStore? inner = null) : ISnapshotStore
{
    public ISnapshotStore Inner { get; } = inner ?? new InMemorySnapshotStore();
    public FaultSwitch Saves { get; } = new("snapshot save");
    public FaultSwitch Loads { get; } = new("snapshot load");
    public FaultSwitch Deletes { get; } = new("snapshot delete");

    public async Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellation = default)
    {
        await Saves.Apply().ConfigureAwait(false);
        await Inner.SaveAsync(snapshot, cancellation).ConfigureAwait(false);
    }

    public async Task<SnapshotEntry?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        await Loads.Apply().ConfigureAwait(false);
        return await Inner.LoadAsync(persistenceId, criteria, cancellation).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        await Deletes.Apply().ConfigureAwait(false);
        await Inner.DeleteAsync(persistenceId, criteria, cancellation).ConfigureAwait(false);
    }
}
