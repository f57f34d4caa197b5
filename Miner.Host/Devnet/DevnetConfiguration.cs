using Miner.Host.Configuration;

namespace Miner.Host.Devnet;

/// <summary>
/// Loads <see cref="DevnetOptions"/> the way the miner loads its settings: <c>hocon/devnet.conf</c> (defaults), an
/// operator file, <c>MINER_DEVNET__*</c> variables and <c>--devnet.key value</c> flags, checked key by key and value
/// by value (types, ranges, combinations), every problem reported with where it was set.
/// </summary>
public static class DevnetConfiguration
{
    public const string Section = "devnet";

    /// <param name="overrideTokens">Flags such as <c>--devnet.seed 3</c>; flags of other sections are left to the miner.</param>
    /// <exception cref="ConfigurationException">A file does not parse, a key is unknown or a value is unusable.</exception>
    public static DevnetOptions Load(string? defaultsPath, string? operatorFile, IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string> overrideTokens, ICollection<ConfigurationDiagnostic>? warnings = null) =>
        Load(defaultsPath, operatorFile, environment, ConfigurationOverrides.Parse(overrideTokens), warnings);

    /// <param name="overrides">The command line's overrides (<c>CliContext.Overrides</c>); only <c>devnet.*</c> ones are used.</param>
    /// <exception cref="ConfigurationException">A file does not parse, a key is unknown or a value is unusable.</exception>
    public static DevnetOptions Load(string? defaultsPath, string? operatorFile, IReadOnlyDictionary<string, string?> environment,
        ConfigurationOverrides overrides, ICollection<ConfigurationDiagnostic>? warnings = null)
    {
        var root = MinerConfiguration.Build(defaultsPath, operatorFile, environment, overrides.ForSection(Section));
        // Other sections in a devnet file are mistakes; MINER_* variables of the miner's sections are the miner's
        // business (its own load reports them), so their warnings are not repeated here.
        var unknown = root.GetChildren().Where(c => !c.Key.Equals(Section, StringComparison.OrdinalIgnoreCase))
            .Select(c => ConfigurationValidator.UnknownKey(root, c.Path)).Where(d => d.IsError).ToList();
        if (unknown.Count > 0) throw new ConfigurationException(unknown);
        var options = ConfigurationBinding.Bind<DevnetOptions>(root, Section, warnings);
        // As with --validators: the behaviours of validators this run does not start are dropped, so the shipped
        // entries for uids 2 and 3 do not forbid a smaller devnet.
        options.Behaviours.RemoveAll(b => b.Uid >= options.Validators);
        return options;
    }
}
