using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Specs.Configuration;

namespace Miner.Specs.Devnet;

/// <summary>hocon/devnet.conf binds to <see cref="DevnetOptions"/> with every key known and overrides applied.</summary>
public sealed class DevnetConfigurationSpecs
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void The_shipped_devnet_conf_binds_with_its_documented_defaults()
    {
        var options = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, []);
        Assert.Equal((4, 1, 0.6, 512), (options.Validators, options.Seed, options.Tasks.TextShare, options.Tasks.ImageSize));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), 0.6), (options.Rules.TaskCooldown, options.Rules.ThrottlePeriod, options.Rules.QualityThreshold));
        Assert.Equal(DevnetAcceptance.ScoreZero, options.BehaviourOf(3).Acceptance);
        Assert.Equal((TimeSpan.FromMilliseconds(200), 0.1), (options.BehaviourOf(2).ResponseLatency, options.BehaviourOf(2).FlakyErrorRate));
    }

    [Fact]
    public void A_command_line_flag_overrides_the_file()
    {
        var options = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, ["--devnet.validators", "6", "--devnet.rules.task-cooldown=40s"]);
        Assert.Equal((6, TimeSpan.FromSeconds(40)), (options.Validators, options.Rules.TaskCooldown));
    }

    [Fact]
    public void A_per_validator_cooldown_overrides_the_shared_rules_for_that_validator_only()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("op.conf", "devnet.behaviours = [ { uid = 1, task-cooldown = 90s, hanging = true } ]");
        var options = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, file, NoEnvironment, []);
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(20)), (options.RulesOf(1).TaskCooldown, options.RulesOf(0).TaskCooldown));
        Assert.True(options.BehaviourOf(1).Hanging);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_it()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("op.conf", "devnet.validatorz = 3");
        var error = Assert.Throws<ConfigurationException>(() => DevnetConfiguration.Load(DevnetOptions.DefaultsPath, file, NoEnvironment, []));
        Assert.Contains("devnet.validatorz", error.Message);
    }

    [Fact]
    public void The_behaviours_of_validators_the_run_does_not_start_are_dropped_as_with_the_validators_option()
    {
        var options = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, ["--devnet.validators", "2"]);
        Assert.Equal(2, options.Validators);
        Assert.Empty(options.Behaviours);
    }

    [Fact]
    public void A_non_loopback_host_is_refused()
    {
        var options = new DevnetOptions { Host = "0.0.0.0" };
        Assert.Contains("loopback", Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void Config_check_accepts_the_shipped_devnet_conf()
    {
        var output = new StringWriter();
        Assert.Equal(0, new ConfigurationChecker(MinerSettings.Sections).Run(DevnetOptions.DefaultsPath, output, output));
    }
}
