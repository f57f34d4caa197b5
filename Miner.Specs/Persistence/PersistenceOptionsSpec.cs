using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Host.Configuration;

namespace Miner.Specs.Persistence;

/// <summary>The <c>miner.persistence</c> section: defaults, overrides, wrong values, and opening stores from it.</summary>
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

    [Fact]
    public async Task Sqlite_options_open_both_stores_on_one_file()
    {
        using var file = new TempSqliteFile();
        await using var stores = await PersistenceStores.OpenAsync(new PersistenceOptions { SqlitePath = file.DatabasePath, SnapshotEvery = 7 });
        Assert.Equal(file.DatabasePath, Assert.IsType<SqliteJournal>(stores.Journal).Path);
        Assert.Equal(file.DatabasePath, Assert.IsType<SqliteSnapshotStore>(stores.Snapshots).Path);
        Assert.Equal(7, stores.SnapshotEvery);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_with_the_key_to_set()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PersistenceStores.OpenAsync(new PersistenceOptions { Provider = PersistenceProvider.Postgres }));
        Assert.Contains("miner.persistence.postgres-connection-string", error.Message);
    }

    [Fact]
    public async Task A_negative_snapshot_cadence_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PersistenceStores.OpenAsync(new PersistenceOptions { SnapshotEvery = -1 }));
    }
}
