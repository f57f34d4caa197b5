using Miner.Actors.Storage;
using Miner.Specs.Persistence;

namespace Miner.Specs.TestKit.Akka;

/// <summary>
/// An actor system whose persistent actors journal to a real Akka.Persistence.Sql SQLite file (WAL), as a miner does;
/// two kits on the same file are two runs of the miner.
/// </summary>
public class SqliteJournalSpec(TempSqliteFile file)
    : MinerSpec(AkkaPersistenceConfig.For(new PersistenceOptions { SqlitePath = file.DatabasePath }));
