using Microsoft.Extensions.Configuration;
using Miner.Host.Configuration;
using Miner.Models.Configuration;

namespace Miner.Specs.Configuration;

public sealed class SampleWalletOptions
{
    public string Name { get; set; } = "";

    public string Hotkey { get; set; } = "";

    public string? Password { get; set; }
}

public sealed class SampleValidatorOptions
{
    public double MinStake { get; set; }

    public TimeSpan PollInterval { get; set; }

    public TimeSpan Cooldown { get; set; }

    public TimeSpan? Grace { get; set; }

    public List<string> Blacklist { get; set; } = [];

    public bool AllowPrivate { get; set; }
}

public sealed class SampleGenerationOptions
{
    public TimeSpan Timeout { get; set; }

    public ByteSize MaxUpload { get; set; }

    public string PromptSuffix { get; set; } = "";

    public string Label { get; set; } = "";

    public List<string> Stages { get; set; } = [];
}

public sealed class SampleSubtensorOptions
{
    public string Network { get; set; } = "";

    public string Endpoint { get; set; } = "";
}

public sealed class SampleLoggingOptions
{
    public bool Debug { get; set; }

    public string? File { get; set; }

    public int Level { get; set; }

    public double Scale { get; set; }
}

/// <summary>The options types of <see cref="SampleConfiguration.MinerConf"/>, and builders over it.</summary>
internal static class SampleOptions
{
    public static readonly RegisteredOptions[] Registrations =
    [
        new("wallet", typeof(SampleWalletOptions)),
        new("validators", typeof(SampleValidatorOptions)),
        new("generation", typeof(SampleGenerationOptions)),
        new("subtensor", typeof(SampleSubtensorOptions)),
        new("logging", typeof(SampleLoggingOptions)),
        new("netuid", typeof(int)),
    ];

    /// <summary>Writes the sample as defaults (plus an optional operator file) and builds the configuration.</summary>
    public static IConfigurationRoot Build(TempDirectory dir, string? operatorText = null,
        Dictionary<string, string?>? env = null, params string[] flags)
    {
        var defaults = dir.Write("hocon/miner.conf", SampleConfiguration.MinerConf);
        var operatorFile = operatorText is null ? null : dir.Write("operator.conf", operatorText);
        return MinerConfiguration.Build(defaults, operatorFile, env ?? new Dictionary<string, string?>(), flags);
    }
}
