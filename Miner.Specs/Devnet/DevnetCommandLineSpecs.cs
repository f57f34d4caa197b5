using Miner.Host.Cli;
using Miner.Host.Configuration;
using Miner.Host.Devnet;

namespace Miner.Specs.Devnet;

/// <summary>
/// `miner devnet` reads its settings from devnet.conf, MINER_DEVNET__* variables and --devnet.* flags, refusing an
/// unusable value with one line and exit 1 before anything starts.
/// </summary>
public sealed class DevnetCommandLineSpecs
{
    private static DevnetOptions? LoadFrom(Dictionary<string, string?> env, params string[] flags)
    {
        var context = new CliContext(new StringWriter(), new StringWriter(), env) { Overrides = ConfigurationOverrides.Parse(flags) };
        return DevnetCommands.LoadDevnet(context, null);
    }

    private static (int Exit, string Error) Run(Dictionary<string, string?> env, params string[] args)
    {
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, new StringWriter(), stderr, env);
        return (exit, stderr.ToString());
    }

    [Fact]
    public void A_devnet_seed_flag_on_the_command_line_changes_the_devnets_seed()
    {
        var devnet = LoadFrom([], "--devnet.seed", "3", "--wallet.name", "alice");
        Assert.Equal(3, devnet!.Seed);
    }

    [Fact]
    public void A_devnet_environment_variable_changes_the_devnet()
    {
        var devnet = LoadFrom(new() { ["MINER_DEVNET__VALIDATORS"] = "2" });
        Assert.Equal(2, devnet!.Validators);
    }

    [Fact]
    public void A_flag_wins_over_the_environment_for_the_devnet_too()
    {
        var devnet = LoadFrom(new() { ["MINER_DEVNET__SEED"] = "9" }, "--devnet.seed=4");
        Assert.Equal(4, devnet!.Seed);
    }

    [Fact]
    public void An_invalid_devnet_flag_is_one_line_and_exit_1()
    {
        var (exit, error) = Run([], "devnet", "--tasks", "1", "--devnet.validators", "0");
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("flag --devnet.validators: error: devnet.validators: 0 is out of range: expected an integer in [1, 64]", error.TrimEnd());
    }

    [Fact]
    public void An_invalid_devnet_variable_is_one_line_naming_the_variable_and_exit_1()
    {
        var (exit, error) = Run(new() { ["MINER_DEVNET__RULES__REWARD_WINDOW"] = "0s" }, "devnet", "--tasks", "1");
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("env MINER_DEVNET__RULES__REWARD_WINDOW: error: devnet.rules.reward-window: 0s is out of range: expected a positive duration of at most 30d",
            error.TrimEnd());
    }

    /// <summary>Values that used to end the run with a stack trace, or slip through to misbehave later.</summary>
    [Theory]
    [InlineData("validators", "1000")]
    [InlineData("base-port", "70000")]
    [InlineData("validator-stake-tao", "1e300")]
    [InlineData("host", "0.0.0.0")]
    [InlineData("metagraph-file", "")]
    [InlineData("rules.task-cooldown", "-1s")]
    [InlineData("rules.cooldown-penalty", "100000d")]
    [InlineData("rules.moving-average-alpha", "NaN")]
    [InlineData("rules.duel-rating", "NaN")]
    [InlineData("tasks.image-size", "0")]
    [InlineData("tasks.object-gaussians", "0")]
    [InlineData("tasks.text-share", "2")]
    [InlineData("scoring.render-size", "0")]
    [InlineData("scoring.min-coverage", "0.95")]
    [InlineData("miner.no-accept-window", "0")]
    [InlineData("miner.poller-backoff", "0s")]
    public void Each_unusable_devnet_value_is_refused_with_one_line_naming_its_key(string key, string value)
    {
        var (exit, error) = Run([], "devnet", "--tasks", "1", $"--devnet.{key}={value}");
        Assert.Equal(ExitCodes.Failed, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("flag --devnet.", line, StringComparison.Ordinal);
        Assert.Contains($": error: devnet.{key.Split('.')[0]}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_one_line_and_exit_1()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, error) = Run([], "devnet", "--tasks", "1", "--devnet.validators", "1", "--out", Path.Combine(file, "out"));
            Assert.Equal(ExitCodes.Failed, exit);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
