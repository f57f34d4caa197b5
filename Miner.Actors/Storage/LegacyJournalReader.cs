using System.Text;
using Microsoft.Data.Sqlite;

namespace Miner.Actors.Storage;

/// <summary>
/// Reads a SQLite file of the project's own journal (tables <c>journal</c>, <c>journal_highest</c>, <c>snapshots</c>)
/// with plain SQL, so the migration does not need the old persistence code, which is going away. Every read is
/// bounded: a payload above <see cref="LegacyJournalMigration.MaxPayloadBytes"/> is refused before it is loaded.
/// </summary>
internal sealed class LegacyJournalReader : IDisposable
{
    private static readonly (string Table, string[] Columns)[] Layout =
    [
        ("journal", ["persistence_id", "sequence_nr", "manifest", "payload", "written_at_ms"]),
        ("journal_highest", ["persistence_id", "sequence_nr"]),
        ("snapshots", ["persistence_id", "sequence_nr", "created_at_ms", "manifest", "payload"]),
    ];

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly SqliteConnection _connection;

    private LegacyJournalReader(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> for reading, or throws <see cref="LegacyMigrationException"/> saying what is wrong.</summary>
    public static LegacyJournalReader Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (Directory.Exists(full)) throw new LegacyMigrationException($"{full}: is a folder, not an old miner journal file");
        if (!info.Exists) throw new LegacyMigrationException($"{full}: no such file");
        // Only a plain file: a link or a device could point anywhere, or never end.
        if (info.LinkTarget is not null || (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
            throw new LegacyMigrationException($"{full}: not a regular file");
        if (!StartsWithSqliteHeader(full)) throw new LegacyMigrationException($"{full}: not a SQLite database, so not an old miner journal");
        // Read-write (never create): a journal left by a crash still has its -wal, which only a writer can recover.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = full, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var encoding = Scalar(connection, "PRAGMA encoding;") as string;
            if (!string.Equals(encoding, "UTF-8", StringComparison.OrdinalIgnoreCase))
                throw new LegacyMigrationException($"{full}: text encoding {encoding}, the miner's journal is UTF-8");
            var missing = MissingLayout(connection);
            if (missing.Count > 0)
                throw new LegacyMigrationException($"{full}: not an old miner journal: missing {string.Join(", ", missing)}");
            return new LegacyJournalReader(full, connection);
        }
        catch (SqliteException error)
        {
            connection.Dispose();
            throw new LegacyMigrationException($"{full}: unreadable as a SQLite database: {OneLine(error.Message)}", error);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="connection"/>'s file has the old layout (its marker table <c>journal_highest</c>).</summary>
    public static bool HasLegacyTables(SqliteConnection connection) => TableExists(connection, "journal_highest");

    /// <summary>Every persistence id with an event, a highest number or a snapshot, in order.</summary>
    public IReadOnlyList<string> PersistenceIds()
    {
        using var query = Command("""
            SELECT persistence_id FROM journal UNION SELECT persistence_id FROM journal_highest
            UNION SELECT persistence_id FROM snapshots ORDER BY 1;
            """);
        using var reader = query.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            if (reader.IsDBNull(0) || reader.GetValue(0) is not string id || id.Length == 0)
                throw new LegacyMigrationException($"{Path}: a row has an empty or non-text persistence id");
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Up to <paramref name="max"/> events of <paramref name="persistenceId"/> after <paramref name="afterSequenceNr"/>.</summary>
    public IReadOnlyList<LegacyRow> Events(string persistenceId, long afterSequenceNr, int max)
    {
        using var query = Command("""
            SELECT sequence_nr, manifest, written_at_ms, length(CAST(payload AS BLOB)),
                   CASE WHEN length(CAST(payload AS BLOB)) <= $limit THEN CAST(payload AS BLOB) END
            FROM journal WHERE persistence_id = $id AND sequence_nr > $after ORDER BY sequence_nr LIMIT $max;
            """);
        query.Parameters.AddWithValue("$id", persistenceId);
        query.Parameters.AddWithValue("$after", afterSequenceNr);
        query.Parameters.AddWithValue("$max", max);
        query.Parameters.AddWithValue("$limit", LegacyJournalMigration.MaxPayloadBytes);
        using var reader = query.ExecuteReader();
        var rows = new List<LegacyRow>();
        while (reader.Read()) rows.Add(Row(reader, persistenceId, "event"));
        return rows;
    }

    /// <summary>The highest sequence number the old journal handed out: its rows, or <c>journal_highest</c> where events were deleted.</summary>
    public long HighestSequenceNr(string persistenceId)
    {
        using var query = Command("""
            SELECT max(coalesce((SELECT max(sequence_nr) FROM journal WHERE persistence_id = $id), 0),
                       coalesce((SELECT max(sequence_nr) FROM journal_highest WHERE persistence_id = $id), 0));
            """);
        query.Parameters.AddWithValue("$id", persistenceId);
        return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The latest snapshot of <paramref name="persistenceId"/>, if any (the old store loaded only the latest).</summary>
    public LegacyRow? LatestSnapshot(string persistenceId)
    {
        using var query = Command("""
            SELECT sequence_nr, manifest, created_at_ms, length(CAST(payload AS BLOB)),
                   CASE WHEN length(CAST(payload AS BLOB)) <= $limit THEN CAST(payload AS BLOB) END
            FROM snapshots WHERE persistence_id = $id ORDER BY sequence_nr DESC LIMIT 1;
            """);
        query.Parameters.AddWithValue("$id", persistenceId);
        query.Parameters.AddWithValue("$limit", LegacyJournalMigration.MaxPayloadBytes);
        using var reader = query.ExecuteReader();
        return reader.Read() ? Row(reader, persistenceId, "snapshot") : null;
    }

    public void Dispose() => _connection.Dispose();

    private LegacyRow Row(SqliteDataReader reader, string persistenceId, string what)
    {
        var where = $"{Path}: {what} of '{persistenceId}'";
        if (reader.GetValue(0) is not long sequenceNr || sequenceNr < 1) throw new LegacyMigrationException($"{where}: sequence number is not a positive whole number");
        where += $" #{sequenceNr}";
        if (reader.GetValue(1) is not string manifest || manifest.Length == 0) throw new LegacyMigrationException($"{where}: empty or non-text manifest");
        if (reader.GetValue(2) is not long milliseconds || milliseconds < 0 || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            throw new LegacyMigrationException($"{where}: timestamp is not a time");
        var size = reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
        if (size > LegacyJournalMigration.MaxPayloadBytes)
            throw new LegacyMigrationException($"{where}: payload of {size:N0} bytes is over the {LegacyJournalMigration.MaxPayloadBytes:N0}-byte limit");
        if (reader.IsDBNull(4)) throw new LegacyMigrationException($"{where}: payload is missing");
        return new LegacyRow(sequenceNr, manifest, (byte[])reader.GetValue(4), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static List<string> MissingLayout(SqliteConnection connection)
    {
        var missing = new List<string>();
        foreach (var (table, columns) in Layout)
        {
            if (!TableExists(connection, table))
            {
                missing.Add($"table {table}");
                continue;
            }
            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var info = connection.CreateCommand();
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
            using var reader = info.ExecuteReader();
            while (reader.Read()) present.Add(reader.GetString(0));
            missing.AddRange(columns.Where(c => !present.Contains(c)).Select(c => $"column {table}.{c}"));
        }
        return missing;
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        query.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static bool StartsWithSqliteHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
