using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>
/// Validates one HOCON file on its own: parse errors, keys no registered options type knows, values of the wrong
/// type or out of range, and combinations of settings that cannot work (each section the file writes is bound and
/// checked as a load would). Pass-through sections (<see cref="MinerSettings.PassThroughSections"/>: <c>akka</c>)
/// have no unknown keys; the <c>akka</c> section's shape is compared with Akka's reference config (warnings). Backs
/// `miner config check FILE`.
/// </summary>
public sealed class ConfigurationChecker(IEnumerable<RegisteredOptions> registrations, HoconParseOptions? parseOptions = null)
{
    private readonly List<RegisteredOptions> _registrations = registrations.ToList();

    public IReadOnlyList<ConfigurationDiagnostic> Check(string path)
    {
        HoconObject tree;
        try
        {
            tree = HoconParser.ParseFile(path, parseOptions);
        }
        catch (HoconException ex)
        {
            return [MinerConfiguration.FromHocon(ex)];
        }

        var root = new ConfigurationBuilder().AddHocon(tree).Build();
        var diagnostics = new List<ConfigurationDiagnostic>();
        var sections = _registrations.Select(r => ConfigurationKeys.FromDotted(r.SectionPath))
            .Concat(MinerSettings.PassThroughSections.Select(ConfigurationKeys.FromDotted)).ToList();
        foreach (var registration in _registrations) diagnostics.AddRange(CheckSection(root, registration));
        diagnostics.AddRange(AkkaSectionChecker.Check(root));
        FindUncovered(root, root.GetChildren(), sections, diagnostics);
        return diagnostics;
    }

    /// <summary>
    /// Prints each diagnostic (the report, on <paramref name="output"/>) and a summary; a file with errors gets its
    /// summary on <paramref name="error"/> and exit code 1, as every refusal does.
    /// </summary>
    public int Run(string path, TextWriter output, TextWriter error)
    {
        var diagnostics = Check(path);
        foreach (var diagnostic in diagnostics) output.WriteLine(diagnostic);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (errors > 0)
        {
            error.WriteLine($"{path}: {errors} error(s), {warnings} warning(s)");
            return 1;
        }
        output.WriteLine(warnings == 0 ? $"{path}: ok" : $"{path}: 0 error(s), {warnings} warning(s)");
        return 0;
    }

    /// <summary>
    /// A section the file writes is bound as a load would bind it, so combinations are checked too; the rest (and
    /// scalar registrations) are only walked.
    /// </summary>
    private static IReadOnlyList<ConfigurationDiagnostic> CheckSection(IConfigurationRoot root, RegisteredOptions registration)
    {
        var key = ConfigurationKeys.FromDotted(registration.SectionPath);
        if (ConfigurationValidator.IsScalar(registration.OptionsType) || key.Length == 0 || !root.GetSection(key).GetChildren().Any())
            return ConfigurationValidator.Validate(root, registration.SectionPath, registration.OptionsType);
        var warnings = new List<ConfigurationDiagnostic>();
        try
        {
            ConfigurationBinding.Bind(root, registration.SectionPath, registration.OptionsType, warnings);
            return warnings;
        }
        catch (ConfigurationException error)
        {
            return [.. error.Diagnostics, .. warnings];
        }
    }

    /// <summary>Keys outside every registered section are unknown; sections on the way to one are walked into.</summary>
    private static void FindUncovered(IConfigurationRoot root, IEnumerable<IConfigurationSection> children, List<string> sections,
        List<ConfigurationDiagnostic> diagnostics)
    {
        foreach (var child in children)
        {
            if (sections.Any(s => s.Length == 0 || string.Equals(s, child.Path, StringComparison.OrdinalIgnoreCase))) continue;
            if (sections.Any(s => s.StartsWith(child.Path + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)))
                FindUncovered(root, child.GetChildren(), sections, diagnostics);
            else
                diagnostics.Add(ConfigurationValidator.UnknownKey(root, child.Path));
        }
    }
}
