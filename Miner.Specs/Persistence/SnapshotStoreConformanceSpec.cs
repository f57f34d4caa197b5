using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>What every <see cref="ISnapshotStore"/> must do; run against in-memory, SQLite and PostgreSQL stores.</summary>
public abstract class SnapshotStoreConformanceSpec : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private ISnapshotStore? _store;

    protected ISnapshotStore Store => _store ?? throw new InvalidOperationException("store not opened");

    protected abstract Task<ISnapshotStore> OpenAsync();

    public async Task InitializeAsync() => _store = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (_store is IDisposable disposable) disposable.Dispose();
    }

    private static SnapshotEntry Snapshot(string id, long nr, int minutes = 0) =>
        new(id, nr, T0.AddMinutes(minutes), "spec.ledger-snapshot.v1", $$"""{"items":["at-{{nr}}"]}""");

    [StoreFact]
    public async Task The_latest_snapshot_is_the_one_with_the_highest_sequence_number()
    {
        await Store.SaveAsync(Snapshot("p", 10));
        await Store.SaveAsync(Snapshot("p", 30));
        await Store.SaveAsync(Snapshot("p", 20));
        Assert.Equal(Snapshot("p", 30), await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest));
    }

    [StoreFact]
    public async Task Load_honours_the_sequence_and_time_bounds()
    {
        await Store.SaveAsync(Snapshot("p", 10, minutes: 1));
        await Store.SaveAsync(Snapshot("p", 20, minutes: 2));
        await Store.SaveAsync(Snapshot("p", 30, minutes: 3));
        Assert.Equal(20, (await Store.LoadAsync("p", SnapshotSelectionCriteria.UpTo(25)))?.SequenceNr);
        Assert.Equal(10, (await Store.LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, T0.AddMinutes(1.5))))?.SequenceNr);
        Assert.Null(await Store.LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, DateTimeOffset.MaxValue, MinSequenceNr: 31)));
    }

    [StoreFact]
    public async Task Saving_the_same_sequence_number_again_replaces_the_snapshot()
    {
        await Store.SaveAsync(Snapshot("p", 5));
        var newer = Snapshot("p", 5) with { Payload = """{"items":["replaced"]}""" };
        await Store.SaveAsync(newer);
        Assert.Equal(newer, await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest));
    }

    [StoreFact]
    public async Task Delete_removes_only_the_matching_snapshots_of_that_id()
    {
        await Store.SaveAsync(Snapshot("p", 10));
        await Store.SaveAsync(Snapshot("p", 20));
        await Store.SaveAsync(Snapshot("q", 10));
        await Store.DeleteAsync("p", SnapshotSelectionCriteria.UpTo(15));
        Assert.Null(await Store.LoadAsync("p", SnapshotSelectionCriteria.UpTo(15)));
        Assert.Equal(20, (await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest))?.SequenceNr);
        Assert.Equal(10, (await Store.LoadAsync("q", SnapshotSelectionCriteria.Latest))?.SequenceNr);
    }

    [StoreFact]
    public async Task An_id_without_snapshots_loads_null()
    {
        Assert.Null(await Store.LoadAsync("nobody", SnapshotSelectionCriteria.Latest));
    }
}
