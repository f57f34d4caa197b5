namespace Miner.Host.Configuration;

public sealed class EnvironmentOverridesProvider(EnvironmentOverridesSource source) : OriginTrackingConfigurationProvider
{
    protected override IEnumerable<(ConfigurationOrigin Origin, string? Value)> ReadValues()
    {
        // Sorted so that two spellings of one key (MIN_STAKE, MINSTAKE) resolve the same way every time.
        foreach (var (name, value) in source.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (value is null || name.Length <= source.Prefix.Length) continue;
            if (!name.StartsWith(source.Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var segments = name[source.Prefix.Length..].Split("__");
            if (segments.Any(s => s.Trim('_').Length == 0)) continue;
            var written = segments.Select(s => s.ToLowerInvariant().Replace('_', '-')).ToArray();
            // MINER_HOME names the miner home (miner.home), as documented, rather than an unknown top-level key.
            if (written is ["home"]) written = ["miner", "home"];
            yield return (new ConfigurationOrigin(written, ConfigurationOriginKind.Environment, name), value);
        }
    }
}
