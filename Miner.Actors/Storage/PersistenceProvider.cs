namespace Miner.Actors.Storage;

/// <summary>Where the journal and snapshots live.</summary>
public enum PersistenceProvider
{
    /// <summary>One SQLite file: no server, the default for a single GPU host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by the nodes of a cluster.</summary>
    Postgres,
}
