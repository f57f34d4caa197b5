using System.Diagnostics.CodeAnalysis;

namespace Miner.Host.Configuration;

/// <summary>A configuration provider that remembers where each of its keys came from.</summary>
public interface IConfigurationOriginSource
{
    bool TryGetOrigin(string key, [NotNullWhen(true)] out ConfigurationOrigin? origin);
}
