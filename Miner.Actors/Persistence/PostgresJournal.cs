using Miner.Actors.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Miner.Actors.Persistence;

/// <summary>
/// The event journal on a PostgreSQL server (cluster mode): same semantics and schema shape as
/// <see cref="SqliteJournal"/>. Each batch is one transaction; a duplicate (persistence_id, sequence_nr) fails it.
/// </summary>
public sealed class PostgresJournal : IEventJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    private PostgresJournal(NpgsqlDataSource source) => _source = source;

    /// <summary>Connects and creates the schema if it is missing.</summary>
    public static async Task<PostgresJournal> OpenAsync(string connectionString, CancellationToken cancellation = default)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresSchema.EnsureAsync(source, cancellation).ConfigureAwait(false);
            return new PostgresJournal(source);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task AppendAsync(IReadOnlyList<JournalEntry> batch, CancellationToken cancellation = default)
    {
        JournalBatch.Validate(batch);
        if (batch.Count == 0) return;
        await using var connection = await _source.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        try
        {
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at_ms) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
            {
                var id = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
                var nr = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
                var manifest = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
                var payload = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
                var at = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
                foreach (var entry in batch)
                {
                    id.Value = entry.PersistenceId;
                    nr.Value = entry.SequenceNr;
                    manifest.Value = entry.Manifest;
                    payload.Value = entry.Payload;
                    at.Value = entry.Timestamp.ToUnixTimeMilliseconds();
                    await insert.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
                }
            }
            await using (var highest = new NpgsqlCommand("""
                INSERT INTO journal_highest (persistence_id, sequence_nr) VALUES ($1, $2)
                ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = greatest(journal_highest.sequence_nr, excluded.sequence_nr)
                """, connection, transaction))
            {
                highest.Parameters.Add(new NpgsqlParameter { Value = batch[0].PersistenceId });
                highest.Parameters.Add(new NpgsqlParameter { Value = batch[^1].SequenceNr });
                await highest.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateSequenceNumberException(batch[0].PersistenceId, batch[0].SequenceNr, batch[^1].SequenceNr, error);
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max,
        CancellationToken cancellation = default)
    {
        await using var query = _source.CreateCommand("""
            SELECT sequence_nr, manifest, payload, written_at_ms FROM journal
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3
            ORDER BY sequence_nr LIMIT $4
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        query.Parameters.Add(new NpgsqlParameter { Value = fromSequenceNr });
        query.Parameters.Add(new NpgsqlParameter { Value = toSequenceNr });
        query.Parameters.Add(new NpgsqlParameter { Value = (long)Math.Max(0, max) });
        await using var reader = await query.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false)) entries.Add(StoredRow.ReadEvent(reader, "postgres journal", persistenceId));
        return entries;
    }

    public async Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellation = default)
    {
        await using var query = _source.CreateCommand("""
            SELECT greatest(coalesce((SELECT max(sequence_nr) FROM journal WHERE persistence_id = $1), 0),
                            coalesce((SELECT sequence_nr FROM journal_highest WHERE persistence_id = $1), 0))
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellation).ConfigureAwait(false));
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellation = default)
    {
        await using var delete = _source.CreateCommand("DELETE FROM journal WHERE persistence_id = $1 AND sequence_nr <= $2");
        delete.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        delete.Parameters.Add(new NpgsqlParameter { Value = toSequenceNr });
        await delete.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
