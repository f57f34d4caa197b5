using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Miner.Actors.Akka.Serialization;

namespace Miner.Actors.Storage;

/// <summary>
/// The Akka configuration that puts persistent actors on Akka.Persistence.Sql for a <see cref="PersistenceOptions"/>:
/// SQLite (<c>SQLite.MS</c>, one file in WAL mode) or PostgreSQL (<c>PostgreSQL.15</c>), tables created on first use,
/// events and snapshots written by <see cref="MinerJsonSerializer"/>. The rendered HOCON holds the connection string:
/// never log it (log <see cref="Describe"/> instead).
/// </summary>
public static class AkkaPersistenceConfig
{
    /// <summary>
    /// Where the project's own journal kept its SQLite file (relative to the miner home). Its table <c>journal</c> has
    /// another shape than Akka's, and Akka's <c>CREATE TABLE IF NOT EXISTS</c> would keep it, so the new layout lives
    /// in <see cref="DefaultSqlitePath"/> and old files are copied over by <see cref="LegacyJournalMigration"/>.
    /// </summary>
    public const string LegacySqlitePath = "data/miner.db";

    /// <summary>The default SQLite file of the Akka.Persistence.Sql layout, relative to the miner home.</summary>
    public const string DefaultSqlitePath = "data/journal.db";

    /// <summary>Akka's in-memory journal and snapshot store: the devnet (a clean ledger each run) and specs.</summary>
    public const string InMemoryHocon = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    /// <summary>
    /// The journal and snapshot-store plugins for <paramref name="options"/>, the miner's serializer, and
    /// Akka.Persistence.Sql's defaults as fallback (without them: "Plugin class name must be defined").
    /// For SQLite this prepares the file first (see <see cref="PrepareSqliteFile"/>).
    /// </summary>
    public static Config For(PersistenceOptions options) =>
        MinerJsonSerializer.Hocon.WithFallback(PluginsFor(options));

    /// <summary>The plugins alone (no serializer): the migration writes through its own pass-through serializer.</summary>
    internal static Config PluginsFor(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string connection, provider;
        if (options.Provider == PersistenceProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                throw new ArgumentException("miner.persistence.postgres-connection-string is empty (provider = postgres)");
            connection = options.PostgresConnectionString;
            provider = "PostgreSQL.15";
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.SqlitePath)) throw new ArgumentException("miner.persistence.sqlite-path is empty");
            var path = PrepareSqliteFile(options.SqlitePath);
            // No pooling: when an actor system stops, the file is really closed (the migration renames it afterwards).
            connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            provider = "SQLite.MS";
        }
        var plugin = $$"""
            connection-string = {{Quote(connection)}}
            provider-name = "{{provider}}"
            auto-initialize = on
            """;
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql { {{plugin}} }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
            akka.persistence.snapshot-store.sql { {{plugin}} }
            """).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>
    /// Readies a SQLite file for the plugin and returns its full path: creates the folder (mode 0700: events name
    /// validators and tasks) when missing, and turns WAL on before the plugin opens it (about three times the
    /// appends per second, akka-migration.md). Refuses a file that holds the project's old layout, which the plugin
    /// would otherwise half-use (same table name <c>journal</c>, other columns).
    /// </summary>
    public static string PrepareSqliteFile(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        connection.Open();
        if (LegacyJournalReader.HasLegacyTables(connection))
            throw new InvalidOperationException(
                $"{full} holds the miner's old journal layout, not Akka.Persistence.Sql's; point miner.persistence.sqlite-path at a new file and run 'miner db migrate {full} NEW-FILE'");
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
        return full;
    }

    /// <summary>Where the events go, in words that are safe to log (no password, no connection string).</summary>
    public static string Describe(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != PersistenceProvider.Postgres) return $"SQLite {Path.GetFullPath(options.SqlitePath)}";
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (unreadable connection string)";
        }
    }

    // A HOCON quoted string: backslashes and quotes escaped, so any path or connection string stays one value.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
