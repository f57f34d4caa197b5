using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Configuration.Rules;

namespace Miner.Specs.Configuration;

/// <summary>The shipped files and the code's own defaults pass the rules they are checked against.</summary>
public sealed class ShippedDefaultsSpecs
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void The_shipped_miner_conf_passes_every_range_and_combination_rule()
    {
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment, Array.Empty<string>()));
        Assert.Empty(new ConfigurationChecker(MinerSettings.Sections).Check(MinerConfiguration.DefaultsPath));
    }

    [Fact]
    public void The_shipped_devnet_conf_passes_every_range_and_combination_rule()
    {
        DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, Array.Empty<string>());
        Assert.Empty(new ConfigurationChecker(MinerSettings.Sections).Check(DevnetOptions.DefaultsPath));
    }

    [Fact]
    public void The_code_defaults_of_every_registered_options_type_pass_their_own_rules()
    {
        // miner.home is one string, not an options type with rules.
        foreach (var registration in MinerSettings.Sections.Where(r => r.OptionsType != typeof(string)))
        {
            var problems = SettingRules.Problems(Activator.CreateInstance(registration.OptionsType)!);
            Assert.True(problems.Count == 0, $"{registration.SectionPath}: {string.Join("; ", problems.Select(p => $"{p.Key}: {p.Problem}"))}");
        }
    }
}
