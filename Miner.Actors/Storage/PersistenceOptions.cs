using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Storage;

/// <summary>The <c>miner.persistence</c> section: where persistent actors keep their events and snapshots.</summary>
public sealed class PersistenceOptions : IValidatedOptions
{
    /// <summary><c>sqlite</c> (a file) or <c>postgres</c> (cluster mode).</summary>
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>
    /// The SQLite file (journal and snapshots, Akka.Persistence.Sql layout, WAL), relative to the miner home (resolved
    /// when the settings are bound). Not <c>data/miner.db</c>: that is the old layout's file
    /// (<see cref="AkkaPersistenceConfig.LegacySqlitePath"/>), whose table <c>journal</c> has another shape;
    /// <see cref="LegacyJournalMigration"/> copies it over.
    /// </summary>
    public string SqlitePath { get; set; } = AkkaPersistenceConfig.DefaultSqlitePath;

    /// <summary>Npgsql connection string, used when the provider is postgres.</summary>
    public string PostgresConnectionString { get; set; } = "";

    /// <summary>A persistent actor that offers its state snapshots it every this many events; 0 = never.</summary>
    [NotNegative(Max = "10000000")]
    public int SnapshotEvery { get; set; } = DefaultSnapshotEvery;

    /// <summary>The default of <see cref="SnapshotEvery"/>.</summary>
    public const int DefaultSnapshotEvery = 500;

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (Provider == PersistenceProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
            yield return ("postgres-connection-string", "missing: provider = postgres needs a connection string");
    }
}
