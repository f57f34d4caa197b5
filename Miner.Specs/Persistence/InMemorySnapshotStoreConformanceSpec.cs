using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>The snapshot-store conformance suite against <see cref="InMemorySnapshotStore"/>.</summary>
public sealed class InMemorySnapshotStoreConformanceSpec : SnapshotStoreConformanceSpec
{
    protected override Task<ISnapshotStore> OpenAsync() => Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore());
}
