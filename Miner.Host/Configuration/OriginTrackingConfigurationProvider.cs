using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>Base of our providers: stores each value under its normalised key, with its origin.</summary>
public abstract class OriginTrackingConfigurationProvider : ConfigurationProvider, IConfigurationOriginSource
{
    private Dictionary<string, ConfigurationOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);

    public bool TryGetOrigin(string key, [NotNullWhen(true)] out ConfigurationOrigin? origin) =>
        _origins.TryGetValue(key, out origin);

    public sealed override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, ConfigurationOrigin>(StringComparer.OrdinalIgnoreCase);
        foreach (var (origin, value) in ReadValues())
        {
            var key = ConfigurationKeys.Normalize(origin.WrittenPath);
            data[key] = value;
            origins[key] = origin;
        }
        Data = data;
        _origins = origins;
    }

    /// <summary>Values in order; a later value for the same normalised key wins.</summary>
    protected abstract IEnumerable<(ConfigurationOrigin Origin, string? Value)> ReadValues();
}
