using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace Miner.Actors.Storage;

/// <summary>The Akka.Persistence.Sql plugins for <see cref="PersistenceOptions"/> (SQLite in WAL mode, or PostgreSQL).</summary>
public static class AkkaPersistenceConfig
{
    public static Config Render(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string connection, provider;
        if (options.Provider == PersistenceProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath))!;
            Directory.CreateDirectory(folder);
            connection = $"Data Source={options.SqlitePath}";
            using (var db = new SqliteConnection(connection))
            {
                db.Open();
                using var pragma = db.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL;";
                pragma.ExecuteNonQuery();
            }
            provider = "SQLite.MS";
        }
        else
        {
            connection = options.PostgresConnectionString;
            provider = "PostgreSQL.15";
        }
        var quoted = System.Text.Json.JsonSerializer.Serialize(connection);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
            akka.persistence.journal.sql { connection-string = {{quoted}}, provider-name = "{{provider}}", auto-initialize = on }
            akka.persistence.snapshot-store.sql { connection-string = {{quoted}}, provider-name = "{{provider}}", auto-initialize = on }
            """).WithFallback(SqlPersistence.DefaultConfiguration);
    }
}
