using Miner.Actors.Storage;
using Microsoft.Data.Sqlite;

namespace Miner.Actors.Persistence;

/// <summary>
/// One SQLite connection to the persistence file, used by one store at a time (a semaphore serialises access).
/// Opening creates the folder and the schema, switches to WAL (a crash loses no committed write) and refuses a file
/// whose schema version is newer than this code knows.
/// </summary>
internal sealed class SqliteStoreConnection : IDisposable
{
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS journal (
            ordering       INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        TEXT    NOT NULL,
            written_at_ms  INTEGER NOT NULL,
            CONSTRAINT journal_unique_sequence UNIQUE (persistence_id, sequence_nr)
        );
        CREATE TABLE IF NOT EXISTS journal_highest (
            persistence_id TEXT    PRIMARY KEY,
            sequence_nr    INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS snapshots (
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            created_at_ms  INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        TEXT    NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        """;

    private readonly SemaphoreSlim _lock = new(1, 1);

    private SqliteStoreConnection(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    public string Path { get; }
    public SqliteConnection Connection { get; }

    public static SqliteStoreConnection Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // No pooling: Dispose really closes the file, and a second store on the same file gets its own handle.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"));
            if (version > SchemaVersion)
                throw new InvalidOperationException($"{full}: schema version {version} is newer than this miner knows ({SchemaVersion}); refusing to write to it");
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;");
            Execute(connection, Schema + $"PRAGMA user_version={SchemaVersion};");
            return new SqliteStoreConnection(full, connection);
        }
        catch (SqliteException error)
        {
            connection.Dispose();
            throw new InvalidOperationException($"{full}: cannot open the persistence database: {error.Message}", error);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection.</summary>
    public async Task<T> Use<T>(Func<SqliteConnection, T> work, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return work(Connection);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        _lock.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
