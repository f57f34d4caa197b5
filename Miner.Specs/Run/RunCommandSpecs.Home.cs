using Miner.Host.Cli;
using Miner.Specs.Bittensor;
using Miner.Specs.TestKit;

namespace Miner.Specs.Run;

/// <summary>`miner run` and the miner home: outputs under it, created 0700, refused when it cannot be one.</summary>
public sealed partial class RunCommandSpecs
{
    [Fact]
    public async Task A_relative_sqlite_path_puts_the_database_under_the_miner_home()
    {
        await using var node = await ServeAsync(new FakeNeuron(CreateHotkey(), 0, 0, 0));
        var home = Path.Combine(_folder, "home");
        var config = Config(node.Url.ToString(), extra: $"miner.home = \"{home}\"\nminer.persistence.sqlite-path = \"db/ledger.db\"");

        var (exit, output, error) = Cli("run", "--dry-run", "--config", config);

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.True(File.Exists(Path.Combine(home, "db", "ledger.db")));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_missing_miner_home_is_created_with_mode_0700()
    {
        await using var node = await ServeAsync(new FakeNeuron(CreateHotkey(), 0, 0, 0));
        var home = Path.Combine(_folder, "new-home");

        var (exit, output, error) = Cli("run", "--dry-run", "--home", home, "--config", Config(node.Url.ToString()));

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home));
    }

    [Fact]
    public void A_miner_home_that_is_a_file_is_refused_with_one_line()
    {
        CreateHotkey();
        var file = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(file, "");

        var (exit, _, error) = Cli("run", "--home", file, "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(ExitCodes.Failed, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"the miner home {file}", line, StringComparison.Ordinal);
        Assert.Contains("not a folder", line, StringComparison.Ordinal);
    }
}
