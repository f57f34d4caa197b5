using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// Where a configuration value came from and how its key was spelled there, so diagnostics and `config show`
/// can say <c>validators.min-stake (hocon/miner.conf:12)</c> rather than <c>validators:minstake</c>.
/// </summary>
/// <param name="WrittenPath">The key's segments as written (kebab-case for environment variables).</param>
/// <param name="Location">file:line, the variable's name or the flag's token.</param>
public sealed record ConfigurationOrigin(IReadOnlyList<string> WrittenPath, ConfigurationOriginKind Kind, string Location)
{
    public string DottedPath => ConfigurationKeys.ToDotted(WrittenPath);

    public override string ToString() => Kind switch
    {
        ConfigurationOriginKind.Environment => $"env {Location}",
        ConfigurationOriginKind.CommandLine => $"flag {Location}",
        _ => Location,
    };

    /// <summary>The origin of the value that wins for <paramref name="key"/> (highest-precedence provider that has it).</summary>
    public static ConfigurationOrigin? Find(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider is IConfigurationOriginSource source && source.TryGetOrigin(key, out var origin) ? origin : null;
        }
        return null;
    }

    /// <summary>
    /// The origin of <paramref name="key"/> or, for a section, of its first value; the written path is cut to the
    /// section's length so it names the section itself.
    /// </summary>
    public static ConfigurationOrigin? FindForSection(IConfigurationRoot root, string key)
    {
        var depth = ConfigurationKeys.Split(key).Length;
        var leafKeys = root.GetSection(key).AsEnumerable().Select(p => p.Key).Where(k => k == key || k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));
        foreach (var leaf in leafKeys.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (Find(root, leaf) is not { } origin || origin.WrittenPath.Count < depth) continue;
            return origin with { WrittenPath = origin.WrittenPath.Take(depth).ToArray() };
        }
        return null;
    }
}
