using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Storage;

/// <summary>The migration into PostgreSQL (TO written <c>postgres:CONNECTION-STRING</c>), on a throwaway server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationSpec(ThrowawayPostgres server) : IDisposable
{
    private readonly LegacyJournalFixture _files = new();

    public void Dispose() => _files.Dispose();

    [PostgresFact]
    public async Task Migrating_into_postgres_recovers_the_in_flight_task_and_refuses_a_second_run()
    {
        var database = await server.CreateDatabaseAsync();
        var options = new PersistenceOptions { Provider = PersistenceProvider.Postgres, PostgresConnectionString = database };

        var summary = LegacyJournalMigration.Migrate(_files.Legacy, LegacyJournalMigration.PostgresPrefix + database);
        var recovered = LegacyJournalMigrationSpec.Recover(options, "task-ledger");
        var again = Assert.Throws<LegacyMigrationException>(() => LegacyJournalMigration.Migrate(_files.Legacy, options));

        Assert.Equal(9, summary.Events);
        Assert.DoesNotContain(database, summary.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, recovered.LastSequenceNr);
        Assert.Contains("already holds", again.Message, StringComparison.Ordinal);
    }
}
