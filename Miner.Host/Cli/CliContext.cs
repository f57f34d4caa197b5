using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Miner.Host.Configuration;

namespace Miner.Host.Cli;

/// <summary>What every command needs: output writers, the environment, configuration overrides, --config.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>The variables <c>MINER_*</c> overrides and <c>${VAR}</c> fallbacks are read from.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    /// <summary>The --section.key flags taken out of the command line before parsing.</summary>
    public ConfigurationOverrides Overrides { get; set; } = ConfigurationOverrides.Empty;

    /// <summary>The operator's HOCON file, layered over the defaults; recognised by every command.</summary>
    public Option<FileInfo?> ConfigFile { get; } = new("--config")
    {
        Description = "HOCON file layered over hocon/miner.conf (environment MINER_* and --section.key flags override both)",
        Recursive = true,
    };

    /// <summary>Builds and binds the configuration; on failure prints every diagnostic and returns null.</summary>
    public (IConfigurationRoot Root, MinerSettings Settings)? Load(ParseResult parse)
    {
        try
        {
            var root = MinerConfiguration.Build(MinerConfiguration.DefaultsPath, parse.GetValue(ConfigFile)?.FullName, Environment, Overrides);
            var warnings = new List<ConfigurationDiagnostic>();
            var settings = MinerSettings.Bind(root, warnings);
            foreach (var warning in warnings) Error.WriteLine(warning);
            return (root, settings);
        }
        catch (ConfigurationException error)
        {
            foreach (var diagnostic in error.Diagnostics) Error.WriteLine(diagnostic);
            return null;
        }
    }

    /// <summary>Runs <paramref name="command"/> with loaded settings; exit code 1 when the configuration is invalid.</summary>
    public int WithSettings(ParseResult parse, Func<MinerSettings, int> command) =>
        Load(parse) is { } loaded ? command(loaded.Settings) : ExitCodes.Failed;
}
