using Miner.Actors.Storage;
using Miner.Host.Cli;
using Miner.Host.Commands.Run;
using Miner.Host.Configuration;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.TestKit;

namespace Miner.Specs.Run;

/// <summary>`miner run` and the run lock: one miner per hotkey and database, released when its process ends.</summary>
public sealed partial class RunCommandSpecs
{
    private MinerHome Home => MinerHome.FromSetting(_folder);

    /// <summary>The database the spec configuration names (<see cref="Config"/>).</summary>
    private string Database => RunLock.DatabaseOf(new PersistenceOptions { SqlitePath = Path.Combine(_folder, "data", "journal.db") });

    [Fact]
    public void A_second_miner_on_the_same_hotkey_and_database_refuses_to_start()
    {
        var hotkey = Ss58.Encode(CreateHotkey());
        using var first = RunLock.Take(Home, hotkey, Database); // another open file: OFD locks conflict within one process too

        var (exit, output, error) = Cli("run", "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(ExitCodes.Failed, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"another miner (pid {Environment.ProcessId}) is running on hotkey {hotkey}", line, StringComparison.Ordinal);
        Assert.Contains(Database, line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_dry_run_reports_a_held_lock_as_a_failed_check()
    {
        var hotkey = Ss58.Encode(CreateHotkey());
        using var first = RunLock.Take(Home, hotkey, Database);

        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"another miner (pid {Environment.ProcessId})", error, StringComparison.Ordinal);
        Assert.Contains("check(s) failed: lock, subtensor", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_leaves_the_database_of_a_running_miner_alone()
    {
        var hotkey = Ss58.Encode(CreateHotkey());
        using var first = RunLock.Take(Home, hotkey, Database);

        var (_, output, _) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        Assert.Contains("persistence: skipped: needs lock", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "journal.db")));
    }

    [Fact]
    public async Task A_dry_run_leaves_the_lock_to_the_run()
    {
        await using var node = await ServeAsync(new FakeNeuron(CreateHotkey(), 0, 0, 0));

        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString()));

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Contains("lock ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Home.Locks)); // asked about, not taken: no lock file was even created
    }

    [Fact]
    public async Task A_miner_process_holds_the_lock_until_killed_with_SIGKILL()
    {
        var ours = CreateHotkey();
        var hotkey = Ss58.Encode(ours);
        await using var node = await ServeAsync(new FakeNeuron(ours, 0, 0, 0));
        using (var miner = await MiningProcess.StartAsync(Config(node.Url.ToString()), Path.Combine(_folder, "logs")))
        {
            var held = Assert.Throws<RunRefusedException>(() => RunLock.Probe(Home, hotkey, Database));
            Assert.Contains($"another miner (pid {miner.Process.Id})", held.Message, StringComparison.Ordinal);

            Assert.True(miner.Signal(9)); // SIGKILL: no handler runs, only the OS can release the lock
            await Task.WhenAny(miner.Process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(miner.Process.HasExited, $"the miner did not die of SIGKILL: {miner.Output()}");
        }

        using var next = RunLock.Take(Home, hotkey, Database);
        Assert.Contains($"pid {Environment.ProcessId}", File.ReadAllText(next.Path), StringComparison.Ordinal);
    }
}
