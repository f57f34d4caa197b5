using Miner.Actors.Storage;
using Npgsql;

namespace Miner.Actors.Persistence;

/// <summary>The PostgreSQL tables (same shape as SQLite's), created once per data source under an advisory lock so
/// several nodes starting together do not race on CREATE TABLE.</summary>
internal static class PostgresSchema
{
    private const string Sql = """
        SELECT pg_advisory_xact_lock(404017);
        CREATE TABLE IF NOT EXISTS journal (
            ordering       BIGSERIAL PRIMARY KEY,
            persistence_id TEXT   NOT NULL,
            sequence_nr    BIGINT NOT NULL,
            manifest       TEXT   NOT NULL,
            payload        TEXT   NOT NULL,
            written_at_ms  BIGINT NOT NULL,
            CONSTRAINT journal_unique_sequence UNIQUE (persistence_id, sequence_nr)
        );
        CREATE TABLE IF NOT EXISTS journal_highest (
            persistence_id TEXT   PRIMARY KEY,
            sequence_nr    BIGINT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS snapshots (
            persistence_id TEXT   NOT NULL,
            sequence_nr    BIGINT NOT NULL,
            created_at_ms  BIGINT NOT NULL,
            manifest       TEXT   NOT NULL,
            payload        TEXT   NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        """;

    public static async Task EnsureAsync(NpgsqlDataSource source, CancellationToken cancellation)
    {
        await using var connection = await source.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(Sql, connection, transaction)) await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }
}
