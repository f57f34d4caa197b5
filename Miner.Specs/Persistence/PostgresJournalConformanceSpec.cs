using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>The journal conformance suite against <see cref="PostgresJournal"/> on a throwaway server (one database per test).</summary>
[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalConformanceSpec(ThrowawayPostgres server) : JournalConformanceSpec
{
    protected override async Task<IEventJournal> OpenAsync() => await PostgresJournal.OpenAsync(await server.CreateDatabaseAsync());
}
