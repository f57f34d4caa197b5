using System.Text.RegularExpressions;
using Miner.Host.Cli;
using Miner.Host.Configuration;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Bittensor;

namespace Miner.Specs.Cli;

/// <summary>The `miner` command line: commands, configuration precedence and bittensor flags.</summary>
public sealed class MinerCliSpec
{
    private static (int Exit, string Out, string Error) Run(Dictionary<string, string?>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, stdout, stderr, env ?? new Dictionary<string, string?>());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_lists_the_commands_that_exist()
    {
        var (exit, output, _) = Run(null, "--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "config", "keys", "inspect", "convert", "normalize", "render", "bench" })
            Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_defaults_pass_config_check()
    {
        var (exit, output, _) = Run(null, "config", "check", MinerConfiguration.DefaultsPath);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void A_bittensor_wallet_flag_overrides_the_default()
    {
        var (exit, output, _) = Run(null, "config", "show", "--wallet.name", "alice");
        Assert.Equal(0, exit);
        Assert.Contains("name = alice", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_netuid_flag_sets_the_metagraph_netuid()
    {
        var (_, output, _) = Run(null, "config", "show", "--netuid", "3");
        Assert.Contains("netuid = 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_wins_over_an_environment_variable_which_wins_over_the_defaults()
    {
        var env = new Dictionary<string, string?> { ["MINER_WALLET__NAME"] = "bob", ["MINER_WALLET__HOTKEY"] = "h1" };
        var (_, output, _) = Run(env, "config", "show", "--wallet.name=carol");
        Assert.Contains("name = carol", output, StringComparison.Ordinal);
        Assert.Contains("hotkey = h1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_flag_is_an_error_naming_the_key()
    {
        var (exit, _, error) = Run(null, "config", "show", "--walet.name", "x");
        Assert.Equal(1, exit);
        Assert.Contains("walet", error, StringComparison.Ordinal);
        Assert.Contains("unknown key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error_naming_the_key_and_its_origin()
    {
        var (exit, _, error) = Run(null, "config", "show", "--actors.throughput", "fast");
        Assert.Equal(1, exit);
        Assert.Contains("actors.throughput", error, StringComparison.Ordinal);
        Assert.Contains("--actors.throughput", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operator_file_given_with_config_is_layered_over_the_defaults()
    {
        var file = Path.Combine(Path.GetTempPath(), $"miner-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, "wallet.hotkey = from-file\n");
        try
        {
            var (_, output, _) = Run(null, "config", "show", "--config", file);
            Assert.Contains("hotkey = from-file", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_stray_word_among_the_flags_is_reported()
    {
        var (exit, _, _) = Run(null, "config", "show", "--logging.debug=true", "surplus");
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Run_help_lists_the_wallet_and_subtensor_flags()
    {
        var (exit, output, _) = Run(null, "run", "--help");

        Assert.Equal(0, exit);
        foreach (var flag in new[] { "--wallet.name", "--wallet.hotkey", "--wallet.path", "--subtensor.network", "--subtensor.chain-endpoint",
                     "--netuid", "--logging.debug", "--logging.trace", "--home" })
            Assert.Matches($@"(?m)^\s+{Regex.Escape(flag)}( <\w+>)?\s{{2,}}\S", output); // the flag, then its description
    }

    [Theory]
    [InlineData("show")]
    [InlineData("new")]
    [InlineData("sign")]
    [InlineData("verify")]
    public void Keys_help_lists_the_wallet_flags(string command)
    {
        var (exit, output, _) = Run(null, "keys", command, "--help");

        Assert.Equal(0, exit);
        foreach (var flag in new[] { "--wallet.name", "--wallet.hotkey", "--wallet.path", "--subtensor.network", "--subtensor.chain-endpoint",
                     "--logging.debug", "--logging.trace", "--home" })
            Assert.Matches($@"(?m)^\s+{Regex.Escape(flag)}\b", output);
        Assert.DoesNotMatch(@"(?m)^\s+--netuid\b", output);
    }

    [Fact]
    public void The_wallet_flags_listed_in_help_still_override_the_configuration()
    {
        using var wallet = new TempWallet("listed", "h9");
        var hotkey = new Wallet(wallet.Location).CreateHotkey();

        var (exit, output, error) = Run(null, "keys", "show", "--wallet.path", wallet.Root, "--wallet.name", "listed", "--wallet.hotkey=h9");

        Assert.True(exit == 0, error);
        Assert.Contains(hotkey.Ss58Address, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_flag_sets_the_miner_home()
    {
        var (_, output, _) = Run(null, "config", "show", "--home", "/srv/miner-home");

        Assert.Contains("home = \"/srv/miner-home\"", output, StringComparison.Ordinal);
    }
}
