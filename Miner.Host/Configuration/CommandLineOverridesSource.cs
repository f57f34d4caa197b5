using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>Parsed command-line overrides as the highest-precedence configuration source.</summary>
public sealed class CommandLineOverridesSource : IConfigurationSource
{
    public required ConfigurationOverrides Overrides { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new CommandLineOverridesProvider(this);
}
