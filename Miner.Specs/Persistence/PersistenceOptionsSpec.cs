using Miner.Actors.Storage;
using Miner.Host.Configuration;

namespace Miner.Specs.Persistence;

/// <summary>The <c>miner.persistence</c> section: defaults, overrides and wrong values.</summary>
public sealed class PersistenceOptionsSpec
{
    private static readonly Dictionary<string, string?> NoEnvironment = new();

    private static MinerSettings Settings(params string[] flags) =>
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment, flags));

    [Fact]
    public void The_shipped_defaults_use_sqlite_in_data_journal_db_under_the_miner_home()
    {
        var settings = Settings();
        var options = settings.Persistence;
        Assert.Equal((PersistenceProvider.Sqlite, Path.Combine(settings.Home.Path, "data", "journal.db"), "", 500),
            (options.Provider, options.SqlitePath, options.PostgresConnectionString, options.SnapshotEvery));
    }

    [Fact]
    public void Flags_select_postgres_and_its_connection_string()
    {
        var options = Settings("--miner.persistence.provider", "postgres",
            "--miner.persistence.postgres-connection-string", "Host=db;Database=miner", "--miner.persistence.snapshot-every", "50").Persistence;
        Assert.Equal((PersistenceProvider.Postgres, "Host=db;Database=miner", 50), (options.Provider, options.PostgresConnectionString, options.SnapshotEvery));
    }

    [Fact]
    public void An_unknown_provider_is_a_configuration_error_naming_the_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => Settings("--miner.persistence.provider", "mongodb"));
        Assert.Contains("miner.persistence.provider", error.Message);
    }
}
