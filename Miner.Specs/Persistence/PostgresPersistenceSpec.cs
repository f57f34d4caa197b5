using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;
using Npgsql;

namespace Miner.Specs.Persistence;

/// <summary>The throwaway server itself, and a persistent actor end to end on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceSpec(ThrowawayPostgres server)
{
    [PostgresFact]
    public async Task Each_throwaway_database_starts_empty_and_apart_from_the_others()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        await using (var journal = await PostgresJournal.OpenAsync(first)) await journal.AppendAsync([Entry(1, "{}")]);
        await using var other = await PostgresJournal.OpenAsync(second);
        Assert.Equal(0, await other.HighestSequenceNrAsync("ledger"));
    }

    [PostgresFact]
    public async Task Opening_twice_on_one_database_keeps_the_schema_and_the_events()
    {
        var database = await server.CreateDatabaseAsync();
        await using (var journal = await PostgresJournal.OpenAsync(database)) await journal.AppendAsync([Entry(1, """{"item":"a"}""")]);
        await using var reopened = await PostgresJournal.OpenAsync(database);
        Assert.Single(await reopened.ReplayAsync("ledger", 1, long.MaxValue, 10));
    }

    [PostgresFact]
    public async Task A_persistent_actor_on_postgres_recovers_in_a_new_actor_system()
    {
        var database = await server.CreateDatabaseAsync();
        await using (var stores = await PersistenceStores.OpenAsync(new PersistenceOptions { Provider = PersistenceProvider.Postgres, PostgresConnectionString = database }))
        using (var kit = new SystemWith(stores))
        {
            var ledger = kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
            kit.TestActor.FishForMessage<Replayed>(r => r.Message is RecoveryCompleted);
            kit.TestActor.Send(ledger, new RecordAll(["a", "b"]));
            kit.TestActor.ReceiveN(2);
            kit.TestActor.Send(ledger, new TakeSnapshot());
            kit.TestActor.FishForMessage<SaveSnapshotSuccess>(_ => true);
            kit.TestActor.Send(ledger, new Record("c"));
            kit.TestActor.FishForMessage<Ack>(_ => true);
        }
        await using (var stores = await PersistenceStores.OpenAsync(new PersistenceOptions { Provider = PersistenceProvider.Postgres, PostgresConnectionString = database }))
        using (var kit = new SystemWith(stores))
        {
            kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
            Assert.IsType<SnapshotOffer>(kit.TestActor.ExpectMsg<Replayed>().Message);
            Assert.Equal(new ItemRecorded("c"), kit.TestActor.ExpectMsg<Replayed>().Message);
            Assert.Equal(new RecoveryCompleted(3), kit.TestActor.ExpectMsg<Replayed>().Message);
        }
    }

    [PostgresFact]
    public async Task A_hostile_row_on_postgres_stops_recovery_naming_the_manifest()
    {
        var database = await server.CreateDatabaseAsync();
        await using var stores = await PersistenceStores.OpenAsync(new PersistenceOptions { Provider = PersistenceProvider.Postgres, PostgresConnectionString = database });
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at_ms) VALUES ('ledger', 1, 'spec.dropped-type.v3', '{}', 0)", connection);
            await insert.ExecuteNonQueryAsync();
        }
        using var kit = new SystemWith(stores);
        kit.Sys.ActorOf(LedgerActor.Props("ledger", kit.TestActor.Ref), "ledger");
        var cause = Assert.IsType<PersistenceRecoveryException>(kit.TestActor.FishForMessage<RecoveryFailed>(_ => true).Cause);
        Assert.Equal((1L, "spec.dropped-type.v3"), (cause.SequenceNr, cause.Manifest));
    }

    [Fact]
    public void The_skip_reason_names_what_is_missing_when_there_is_one()
    {
        if (ThrowawayPostgres.UnavailableReason is { } reason) Assert.Matches("initdb|root|runuser|postgres", reason);
        else Assert.Null(ThrowawayPostgres.UnavailableReason);
    }

    private static JournalEntry Entry(long nr, string payload) => new("ledger", nr, LedgerActor.RecordedManifest, payload, DateTimeOffset.UnixEpoch);

    private sealed class SystemWith : ActorSpec
    {
        public SystemWith(PersistenceStores stores) => PersistenceExtension.Register(Sys, stores);
    }
}
