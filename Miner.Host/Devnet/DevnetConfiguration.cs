using Miner.Host.Configuration;

namespace Miner.Host.Devnet;

/// <summary>
/// Loads <see cref="DevnetOptions"/> the way the miner loads its settings: <c>hocon/devnet.conf</c> (defaults), an
/// operator file, <c>MINER_DEVNET__*</c> variables and <c>--devnet.key value</c> flags, checked key by key.
/// </summary>
public static class DevnetConfiguration
{
    public const string Section = "devnet";

    /// <exception cref="ConfigurationException">A file does not parse, a key is unknown or a value has the wrong type.</exception>
    /// <exception cref="ArgumentException">A value is out of range (the message names the key).</exception>
    public static DevnetOptions Load(string? defaultsPath, string? operatorFile, IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string> overrideTokens, ICollection<ConfigurationDiagnostic>? warnings = null)
    {
        var root = MinerConfiguration.Build(defaultsPath, operatorFile, environment, overrideTokens);
        var unknown = root.GetChildren().Where(c => !c.Key.Equals(Section, StringComparison.OrdinalIgnoreCase))
            .Select(c => ConfigurationValidator.UnknownKey(root, c.Path)).ToList();
        if (unknown.Any(d => d.IsError)) throw new ConfigurationException(unknown.Where(d => d.IsError).ToArray());
        foreach (var warning in unknown) warnings?.Add(warning);
        var options = ConfigurationBinding.Bind<DevnetOptions>(root, Section, warnings);
        options.Validate();
        return options;
    }
}
