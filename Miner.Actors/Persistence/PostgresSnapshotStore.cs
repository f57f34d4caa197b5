using Miner.Actors.Storage;
using Npgsql;

namespace Miner.Actors.Persistence;

/// <summary>Snapshots on the PostgreSQL server, same table shape as <see cref="SqliteSnapshotStore"/>.</summary>
public sealed class PostgresSnapshotStore : ISnapshotStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    private PostgresSnapshotStore(NpgsqlDataSource source) => _source = source;

    public static async Task<PostgresSnapshotStore> OpenAsync(string connectionString, CancellationToken cancellation = default)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresSchema.EnsureAsync(source, cancellation).ConfigureAwait(false);
            return new PostgresSnapshotStore(source);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellation = default)
    {
        await using var upsert = _source.CreateCommand("""
            INSERT INTO snapshots (persistence_id, sequence_nr, created_at_ms, manifest, payload) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET created_at_ms = excluded.created_at_ms, manifest = excluded.manifest, payload = excluded.payload
            """);
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.PersistenceId });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.SequenceNr });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Timestamp.ToUnixTimeMilliseconds() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Manifest });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Payload });
        await upsert.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public async Task<SnapshotEntry?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        await using var query = _source.CreateCommand("""
            SELECT sequence_nr, created_at_ms, manifest, payload FROM snapshots
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND created_at_ms <= $4
            ORDER BY sequence_nr DESC LIMIT 1
            """);
        AddCriteria(query, persistenceId, criteria);
        await using var reader = await query.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false) ? StoredRow.ReadSnapshot(reader, "postgres snapshots", persistenceId) : null;
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellation = default)
    {
        await using var delete = _source.CreateCommand(
            "DELETE FROM snapshots WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND created_at_ms <= $4");
        AddCriteria(delete, persistenceId, criteria);
        await delete.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static void AddCriteria(NpgsqlCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MinSequenceNr });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MaxSequenceNr });
        command.Parameters.Add(new NpgsqlParameter
            { Value = criteria.MaxTimestamp == DateTimeOffset.MaxValue ? long.MaxValue : criteria.MaxTimestamp.ToUnixTimeMilliseconds() });
    }
}
