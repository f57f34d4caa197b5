using Miner.Actors.Storage;

namespace Miner.Specs.TestKit.Akka;

/// <summary>
/// An actor system whose persistent actors journal to a real Akka.Persistence.Sql SQLite file (WAL), as a miner does;
/// two kits on the same file are two runs of the miner.
/// </summary>
public class SqliteJournalSpec(string databasePath)
    : MinerSpec(AkkaPersistenceConfig.For(new PersistenceOptions { SqlitePath = databasePath }));
