using Miner.Actors.Storage;
using Microsoft.Data.Sqlite;

namespace Miner.Actors.Persistence;

/// <summary>Snapshots in the same SQLite file as <see cref="SqliteJournal"/> (its own connection).</summary>
public sealed class SqliteSnapshotStore : ISnapshotStore, IDisposable
{
    private readonly SqliteStoreConnection _store;

    private SqliteSnapshotStore(SqliteStoreConnection store) => _store = store;

    public string Path => _store.Path;

    public static SqliteSnapshotStore Open(string path) => new(SqliteStoreConnection.Open(path));

    public Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellation = default) =>
        _store.Use(connection =>
        {
            using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO snapshots (persistence_id, sequence_nr, created_at_ms, manifest, payload) VALUES ($id, $nr, $at, $manifest, $payload)
                ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET created_at_ms = excluded.created_at_ms, manifest = excluded.manifest, payload = excluded.payload;
                """;
            upsert.Parameters.AddWithValue("$id", snapshot.PersistenceId);
            upsert.Parameters.AddWithValue("$nr", snapshot.SequenceNr);
            upsert.Parameters.AddWithValue("$at", snapshot.Timestamp.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$manifest", snapshot.Manifest);
            upsert.Parameters.AddWithValue("$payload", snapshot.Payload);
            return upsert.ExecuteNonQuery();
        }, cancellation);

    public Task<SnapshotEntry?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default) =>
        _store.Use(connection =>
        {
            using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT sequence_nr, created_at_ms, manifest, payload FROM snapshots
                WHERE persistence_id = $id AND sequence_nr >= $min AND sequence_nr <= $max AND created_at_ms <= $before
                ORDER BY sequence_nr DESC LIMIT 1;
                """;
            AddCriteria(query, persistenceId, criteria);
            using var reader = query.ExecuteReader();
            return reader.Read() ? StoredRow.ReadSnapshot(reader, $"{Path} snapshots", persistenceId) : null;
        }, cancellation);

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default) =>
        _store.Use(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM snapshots WHERE persistence_id = $id AND sequence_nr >= $min AND sequence_nr <= $max AND created_at_ms <= $before;";
            AddCriteria(delete, persistenceId, criteria);
            return delete.ExecuteNonQuery();
        }, cancellation);

    public void Dispose() => _store.Dispose();

    private static void AddCriteria(SqliteCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.AddWithValue("$id", persistenceId);
        command.Parameters.AddWithValue("$min", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$max", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$before", criteria.MaxTimestamp == DateTimeOffset.MaxValue ? long.MaxValue : criteria.MaxTimestamp.ToUnixTimeMilliseconds());
    }
}
