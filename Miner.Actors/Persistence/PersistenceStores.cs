using Miner.Actors.Storage;
using System.Collections.Concurrent;

namespace Miner.Actors.Persistence;

/// <summary>
/// The journal and snapshot store persistent actors of one system use, with the snapshot cadence. Built from
/// <see cref="PersistenceOptions"/> by <see cref="OpenAsync"/>, attached to the system with
/// <see cref="PersistenceExtension.Register"/>; disposing closes both stores.
/// </summary>
public sealed class PersistenceStores(IEventJournal journal, ISnapshotStore snapshots, int snapshotEvery = 0) : IAsyncDisposable
{
    // The last write started per persistence id: a new incarnation (restart, or a stopped actor created again) reads
    // the journal only once it has settled, so it neither misses that event nor reuses its sequence number.
    private readonly ConcurrentDictionary<string, Task> _lastWrites = new(StringComparer.Ordinal);

    public IEventJournal Journal { get; } = journal;
    public ISnapshotStore Snapshots { get; } = snapshots;

    /// <summary>Events between automatic snapshots (see <c>PersistentActor.SnapshotState</c>); 0 = never.</summary>
    public int SnapshotEvery { get; } = snapshotEvery >= 0 ? snapshotEvery : throw new ArgumentOutOfRangeException(nameof(snapshotEvery));

    /// <summary>
    /// Both stores live in this process and answer at once (<see cref="InMemoryJournal"/>, <see cref="InMemorySnapshotStore"/>):
    /// persistent actors then call them on their own thread instead of the thread pool, so a run without persistence
    /// (devnet, the virtual-time specs) stays deterministic under a deterministic dispatcher.
    /// </summary>
    public bool AnswersInline { get; } = journal is InMemoryJournal && snapshots is InMemorySnapshotStore;

    /// <summary>Runs a store call: inline for in-memory stores, otherwise on the thread pool (a SQL round trip never blocks an actor).</summary>
    internal Task<T> Call<T>(Func<Task<T>> call)
    {
        if (!AnswersInline) return Task.Run(call);
        try
        {
            return call();
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }

    internal Task Call(Func<Task> call) => Call(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>In-memory stores (specs, throwaway runs).</summary>
    public static PersistenceStores InMemory(int snapshotEvery = 0) => new(new InMemoryJournal(), new InMemorySnapshotStore(), snapshotEvery);

    /// <summary>Opens the stores <paramref name="options"/> name, creating their schema.</summary>
    public static async Task<PersistenceStores> OpenAsync(PersistenceOptions options, CancellationToken cancellation = default)
    {
        if (options.SnapshotEvery < 0) throw new ArgumentException($"miner.persistence.snapshot-every must be 0 or more, got {options.SnapshotEvery}");
        switch (options.Provider)
        {
            case PersistenceProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(options.SqlitePath)) throw new ArgumentException("miner.persistence.sqlite-path is empty");
                var journal = SqliteJournal.Open(options.SqlitePath);
                try
                {
                    return new PersistenceStores(journal, SqliteSnapshotStore.Open(options.SqlitePath), options.SnapshotEvery);
                }
                catch
                {
                    journal.Dispose();
                    throw;
                }
            case PersistenceProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                    throw new ArgumentException("miner.persistence.provider is postgres but miner.persistence.postgres-connection-string is empty");
                var pgJournal = await PostgresJournal.OpenAsync(options.PostgresConnectionString, cancellation).ConfigureAwait(false);
                try
                {
                    var pgSnapshots = await PostgresSnapshotStore.OpenAsync(options.PostgresConnectionString, cancellation).ConfigureAwait(false);
                    return new PersistenceStores(pgJournal, pgSnapshots, options.SnapshotEvery);
                }
                catch
                {
                    await pgJournal.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            default:
                throw new ArgumentException($"miner.persistence.provider: unknown provider {options.Provider}");
        }
    }

    internal void RecordWrite(string persistenceId, Task write) => _lastWrites[persistenceId] = write;

    /// <summary>Completes (never faults) once the last write started for <paramref name="persistenceId"/> has settled.</summary>
    internal Task WritesSettled(string persistenceId) =>
        _lastWrites.TryGetValue(persistenceId, out var write) ? write.ContinueWith(_ => { }, TaskScheduler.Default) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Release(Journal).ConfigureAwait(false);
        await Release(Snapshots).ConfigureAwait(false);
    }

    private static async ValueTask Release(object store)
    {
        if (store is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        else if (store is IDisposable disposable) disposable.Dispose();
    }
}
