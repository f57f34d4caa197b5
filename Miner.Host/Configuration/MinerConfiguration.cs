using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>
/// Builds the miner's configuration. Precedence, lowest first: the defaults file (<c>hocon/miner.conf</c>), the
/// operator's file (<c>--config FILE</c>), <c>MINER_*</c> environment variables, command-line flags.
/// </summary>
public static class MinerConfiguration
{
    /// <summary>Where the defaults ship beside the executable.</summary>
    public static string DefaultsPath => Path.Combine(AppContext.BaseDirectory, "hocon", "miner.conf");

    /// <param name="defaultsPath">Defaults file; null to start from nothing.</param>
    /// <param name="operatorFile">The operator's file, parsed together with the defaults so it may refer to them.</param>
    /// <param name="environment">Variables for <c>MINER_*</c> overrides and for <c>${VAR}</c> fallbacks.</param>
    /// <param name="overrideTokens">Config-override flags only (see <see cref="ConfigurationOverrides.Separate"/>).</param>
    /// <exception cref="ConfigurationException">A file does not parse or a flag is malformed.</exception>
    public static IConfigurationRoot Build(string? defaultsPath, string? operatorFile,
        IReadOnlyDictionary<string, string?> environment, IEnumerable<string> overrideTokens, HoconParseOptions? hoconOptions = null) =>
        Build(defaultsPath, operatorFile, environment, ConfigurationOverrides.Parse(overrideTokens), hoconOptions);

    /// <summary>As above, with overrides already parsed (for example by <see cref="ConfigurationOverrides.Separate"/>).</summary>
    public static IConfigurationRoot Build(string? defaultsPath, string? operatorFile,
        IReadOnlyDictionary<string, string?> environment, ConfigurationOverrides overrides, HoconParseOptions? hoconOptions = null)
    {
        if (!overrides.IsValid)
            throw new ConfigurationException(overrides.Errors.Select(e =>
                new ConfigurationDiagnostic(ConfigurationDiagnosticSeverity.Error, "", "command line", e)).ToList());

        ConfigurationConverters.Register();
        var files = new[] { defaultsPath, operatorFile }.OfType<string>().ToList();
        var builder = new ConfigurationBuilder();
        if (files.Count > 0) builder.AddHocon(ParseFiles(files, (hoconOptions ?? HoconParseOptions.Default) with { Environment = environment }));
        builder.AddEnvironmentOverrides(environment);
        builder.AddCommandLineOverrides(overrides);
        return builder.Build();
    }

    /// <summary>A snapshot of the process environment, for <see cref="Build"/>.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    private static HoconObject ParseFiles(List<string> files, HoconParseOptions options)
    {
        try
        {
            return HoconParser.ParseFiles(files, options);
        }
        catch (HoconException ex)
        {
            throw new ConfigurationException([FromHocon(ex)], ex);
        }
    }

    internal static ConfigurationDiagnostic FromHocon(HoconException ex) =>
        new(ConfigurationDiagnosticSeverity.Error, "", ex.Position.ToString(), ex.Reason);
}
