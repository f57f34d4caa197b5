using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>A HOCON file (or an already parsed tree) as a configuration source.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>File to parse when <see cref="Tree"/> is null.</summary>
    public string? Path { get; init; }

    /// <summary>A missing <see cref="Path"/> yields no values instead of an error.</summary>
    public bool Optional { get; init; }

    /// <summary>An already parsed tree (for example defaults and operator file parsed together).</summary>
    public HoconObject? Tree { get; init; }

    public HoconParseOptions? ParseOptions { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
