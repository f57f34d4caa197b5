using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// Environment variables with a prefix (default <c>MINER_</c>); <c>__</c> separates segments, so
/// <c>MINER_VALIDATORS__MIN_STAKE</c> sets <c>validators.min-stake</c>. The variables are passed in, so specs
/// never depend on the process environment.
/// </summary>
public sealed class EnvironmentOverridesSource : IConfigurationSource
{
    public const string DefaultPrefix = "MINER_";

    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    public string Prefix { get; init; } = DefaultPrefix;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvironmentOverridesProvider(this);
}
