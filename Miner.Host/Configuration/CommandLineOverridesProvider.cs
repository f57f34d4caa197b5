namespace Miner.Host.Configuration;

public sealed class CommandLineOverridesProvider(CommandLineOverridesSource source) : OriginTrackingConfigurationProvider
{
    protected override IEnumerable<(ConfigurationOrigin Origin, string? Value)> ReadValues() =>
        source.Overrides.Values.Select(o =>
            (new ConfigurationOrigin(o.WrittenPath, ConfigurationOriginKind.CommandLine, o.Token.Split('=')[0]), (string?)o.Value));
}
