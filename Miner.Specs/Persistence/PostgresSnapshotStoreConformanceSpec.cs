using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>The snapshot-store conformance suite against <see cref="PostgresSnapshotStore"/> on a throwaway server.</summary>
[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotStoreConformanceSpec(ThrowawayPostgres server) : SnapshotStoreConformanceSpec
{
    protected override async Task<ISnapshotStore> OpenAsync() => await PostgresSnapshotStore.OpenAsync(await server.CreateDatabaseAsync());
}
