using Microsoft.Data.Sqlite;
using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>A persistent actor on the SQLite file end to end: state across systems, hostile rows stop recovery clearly.</summary>
public sealed class SqlitePersistentActorSpec : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private PersistenceStores OpenStores() =>
        new(SqliteJournal.Open(_file.DatabasePath), SqliteSnapshotStore.Open(_file.DatabasePath));

    [Fact]
    public void A_new_actor_system_on_the_same_file_recovers_what_the_previous_one_persisted()
    {
        var first = OpenStores(); // not disposed: the first "process" just dies
        using (var kit = new SystemWith(first))
        {
            var ledger = kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
            kit.TestActor.FishForMessage<Replayed>(r => r.Message is RecoveryCompleted);
            kit.TestActor.Send(ledger, new RecordAll(["a", "b", "c"]));
            Assert.Equal(3, kit.TestActor.ReceiveN(3).Count);
        }
        using (var kit = new SystemWith(OpenStores()))
        {
            kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
            var done = kit.TestActor.FishForMessage<Replayed>(r => r.Message is RecoveryCompleted);
            Assert.Equal(new RecoveryCompleted(3), done.Message);
        }
        GC.KeepAlive(first);
    }

    [Fact]
    public void A_hostile_row_stops_recovery_naming_the_persistence_id_sequence_number_and_manifest()
    {
        using (SqliteJournal.Open(_file.DatabasePath)) { } // creates the schema
        using (var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at_ms) VALUES
                    ('ledger', 1, 'spec.item-recorded.v1', '{"item":"fine"}', 0),
                    ('ledger', 2, 'spec.item-recorded.v1', '{"item": [1, 2', 0);
                """;
            insert.ExecuteNonQuery();
        }
        using var kit = new SystemWith(OpenStores());
        var ledger = kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
        kit.TestActor.Watch(ledger);
        var cause = Assert.IsType<PersistenceRecoveryException>(kit.TestActor.FishForMessage<RecoveryFailed>(_ => true).Cause);
        Assert.Equal(("ledger", 2L, "spec.item-recorded.v1"), (cause.PersistenceId, cause.SequenceNr, cause.Manifest));
        kit.TestActor.ExpectTerminated(ledger);
    }

    /// <summary>An actor system with <paramref name="stores"/> registered.</summary>
    private sealed class SystemWith : ActorSpec
    {
        public SystemWith(PersistenceStores stores) => PersistenceExtension.Register(Sys, stores);
    }
}
