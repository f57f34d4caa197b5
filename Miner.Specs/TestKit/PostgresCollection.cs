namespace Miner.Specs.TestKit;

/// <summary>Specs in this collection share one <see cref="ThrowawayPostgres"/> server (started on first use).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<ThrowawayPostgres>
{
    public const string Name = "throwaway-postgres";
}
