using Miner.Actors.Storage;
using Microsoft.Data.Sqlite;

namespace Miner.Actors.Persistence;

/// <summary>
/// The event journal in one SQLite file (default <c>data/miner.db</c>, shared with <see cref="SqliteSnapshotStore"/>).
/// Each batch is one transaction; UNIQUE (persistence_id, sequence_nr) makes a second writer fail loudly. The
/// highest sequence number survives deletions in <c>journal_highest</c>, so numbers are never reused.
/// </summary>
public sealed class SqliteJournal : IEventJournal, IDisposable
{
    private readonly SqliteStoreConnection _store;

    private SqliteJournal(SqliteStoreConnection store) => _store = store;

    public string Path => _store.Path;

    /// <summary>Opens (creating if needed) the file and its schema.</summary>
    public static SqliteJournal Open(string path) => new(SqliteStoreConnection.Open(path));

    public Task AppendAsync(IReadOnlyList<JournalEntry> batch, CancellationToken cancellation = default)
    {
        JournalBatch.Validate(batch);
        if (batch.Count == 0) return Task.CompletedTask;
        return _store.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            try
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at_ms) VALUES ($id, $nr, $manifest, $payload, $at);";
                var id = insert.Parameters.Add("$id", SqliteType.Text);
                var nr = insert.Parameters.Add("$nr", SqliteType.Integer);
                var manifest = insert.Parameters.Add("$manifest", SqliteType.Text);
                var payload = insert.Parameters.Add("$payload", SqliteType.Text);
                var at = insert.Parameters.Add("$at", SqliteType.Integer);
                foreach (var entry in batch)
                {
                    id.Value = entry.PersistenceId;
                    nr.Value = entry.SequenceNr;
                    manifest.Value = entry.Manifest;
                    payload.Value = entry.Payload;
                    at.Value = entry.Timestamp.ToUnixTimeMilliseconds();
                    insert.ExecuteNonQuery();
                }
                using var highest = connection.CreateCommand();
                highest.Transaction = transaction;
                highest.CommandText = """
                    INSERT INTO journal_highest (persistence_id, sequence_nr) VALUES ($id, $nr)
                    ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = max(sequence_nr, excluded.sequence_nr);
                    """;
                highest.Parameters.AddWithValue("$id", batch[0].PersistenceId);
                highest.Parameters.AddWithValue("$nr", batch[^1].SequenceNr);
                highest.ExecuteNonQuery();
                transaction.Commit();
                return true;
            }
            catch (SqliteException error) when (error.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: the unique sequence
            {
                transaction.Rollback();
                throw new DuplicateSequenceNumberException(batch[0].PersistenceId, batch[0].SequenceNr, batch[^1].SequenceNr, error);
            }
        }, cancellation);
    }

    public Task<IReadOnlyList<JournalEntry>> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max,
        CancellationToken cancellation = default) =>
        _store.Use<IReadOnlyList<JournalEntry>>(connection =>
        {
            using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT sequence_nr, manifest, payload, written_at_ms FROM journal
                WHERE persistence_id = $id AND sequence_nr >= $from AND sequence_nr <= $to
                ORDER BY sequence_nr LIMIT $max;
                """;
            query.Parameters.AddWithValue("$id", persistenceId);
            query.Parameters.AddWithValue("$from", fromSequenceNr);
            query.Parameters.AddWithValue("$to", toSequenceNr);
            query.Parameters.AddWithValue("$max", Math.Max(0, max));
            using var reader = query.ExecuteReader();
            var entries = new List<JournalEntry>();
            while (reader.Read()) entries.Add(StoredRow.ReadEvent(reader, $"{Path} journal", persistenceId));
            return entries;
        }, cancellation);

    public Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellation = default) =>
        _store.Use(connection =>
        {
            using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT max(coalesce((SELECT max(sequence_nr) FROM journal WHERE persistence_id = $id), 0),
                           coalesce((SELECT sequence_nr FROM journal_highest WHERE persistence_id = $id), 0));
                """;
            query.Parameters.AddWithValue("$id", persistenceId);
            return Convert.ToInt64(query.ExecuteScalar());
        }, cancellation);

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellation = default) =>
        _store.Use(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM journal WHERE persistence_id = $id AND sequence_nr <= $to;";
            delete.Parameters.AddWithValue("$id", persistenceId);
            delete.Parameters.AddWithValue("$to", toSequenceNr);
            return delete.ExecuteNonQuery();
        }, cancellation);

    public void Dispose() => _store.Dispose();
}
