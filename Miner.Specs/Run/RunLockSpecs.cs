using Miner.Actors.Storage;
using Miner.Host.Commands.Run;
using Miner.Host.Configuration;
using Miner.Models.Files;

namespace Miner.Specs.Run;

/// <summary>The run lock on its own: one holder per hotkey and database, a note naming it, free once let go.</summary>
public sealed class RunLockSpecs : IDisposable
{
    private const string Hotkey = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-lock-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private MinerHome Home => MinerHome.FromSetting(_folder);

    private string Sqlite(string name) => RunLock.DatabaseOf(new PersistenceOptions { SqlitePath = Path.Combine(_folder, name) });

    [Fact]
    public void A_second_lock_on_the_same_hotkey_and_database_is_refused_naming_the_holder_pid()
    {
        using var first = RunLock.Take(Home, Hotkey, Sqlite("miner.db"));

        var refusal = Assert.Throws<RunRefusedException>(() => RunLock.Take(Home, Hotkey, Sqlite("miner.db")));

        Assert.Contains($"another miner (pid {Environment.ProcessId}) is running on hotkey {Hotkey}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(first.Path, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_is_free_again_once_its_holder_lets_go()
    {
        RunLock.Take(Home, Hotkey, Sqlite("miner.db")).Dispose();

        using var second = RunLock.Take(Home, Hotkey, Sqlite("miner.db"));

        Assert.StartsWith(Home.Locks, second.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_database_on_the_same_hotkey_takes_another_lock()
    {
        using var first = RunLock.Take(Home, Hotkey, Sqlite("a.db"));
        using var second = RunLock.Take(Home, Hotkey, Sqlite("b.db"));

        Assert.NotEqual(first.Path, second.Path);
    }

    [Fact]
    public void The_lock_file_names_the_pid_hotkey_and_database()
    {
        using var held = RunLock.Take(Home, Hotkey, Sqlite("miner.db"));

        var note = LockFile.Holder(held.Path);

        Assert.NotNull(note);
        Assert.Contains($"pid {Environment.ProcessId}\n", note, StringComparison.Ordinal);
        Assert.Contains($"hotkey {Hotkey}\n", note, StringComparison.Ordinal);
        Assert.Contains($"database {Sqlite("miner.db")}\n", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_about_a_free_lock_takes_and_creates_nothing()
    {
        var path = RunLock.Probe(Home, Hotkey, Sqlite("miner.db"));

        Assert.False(File.Exists(path));
        using var taken = RunLock.Take(Home, Hotkey, Sqlite("miner.db"));
    }

    [Fact]
    public void A_postgres_database_is_named_by_host_port_and_database()
    {
        var database = RunLock.DatabaseOf(new PersistenceOptions
        {
            Provider = PersistenceProvider.Postgres, PostgresConnectionString = "Host=db.local;Port=5433;Database=miner;Password=secret",
        });

        Assert.Equal("postgres db.local:5433/miner", database);
    }
}
