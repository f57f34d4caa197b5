using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

public static class MinerConfigurationBuilderExtensions
{
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false,
        HoconParseOptions? options = null) =>
        builder.Add(new HoconConfigurationSource { Path = path, Optional = optional, ParseOptions = options });

    /// <summary>Adds an already parsed tree, keeping each value's file:line.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, HoconObject tree) =>
        builder.Add(new HoconConfigurationSource { Tree = tree });

    public static IConfigurationBuilder AddEnvironmentOverrides(this IConfigurationBuilder builder,
        IReadOnlyDictionary<string, string?> variables, string prefix = EnvironmentOverridesSource.DefaultPrefix) =>
        builder.Add(new EnvironmentOverridesSource { Variables = variables, Prefix = prefix });

    public static IConfigurationBuilder AddCommandLineOverrides(this IConfigurationBuilder builder, ConfigurationOverrides overrides) =>
        builder.Add(new CommandLineOverridesSource { Overrides = overrides });
}
