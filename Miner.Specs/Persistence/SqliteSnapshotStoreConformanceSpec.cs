using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>The snapshot-store conformance suite against <see cref="SqliteSnapshotStore"/> on a temp file.</summary>
public sealed class SqliteSnapshotStoreConformanceSpec : SnapshotStoreConformanceSpec
{
    private readonly TempSqliteFile _file = new();

    protected override Task<ISnapshotStore> OpenAsync() => Task.FromResult<ISnapshotStore>(SqliteSnapshotStore.Open(_file.DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _file.Dispose();
    }
}
