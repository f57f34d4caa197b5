using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration.Rules;

namespace Miner.Host.Configuration;

/// <summary>
/// Binds an options section after validating it, so failures name keys as written, the value and its origin; then
/// checks the bound options against the same rules (<see cref="SettingRules"/>), which adds the combinations of
/// settings (<see cref="IValidatedOptions"/>) a value alone cannot break.
/// </summary>
public static class ConfigurationBinding
{
    /// <summary>
    /// Binds <paramref name="sectionPath"/> (dotted, e.g. <c>validators</c>; empty for the root) to a new
    /// <typeparamref name="T"/>. Throws <see cref="ConfigurationException"/> listing every error; warnings (unknown
    /// environment keys) go to <paramref name="warnings"/> when given.
    /// </summary>
    public static T Bind<T>(IConfigurationRoot root, string sectionPath, ICollection<ConfigurationDiagnostic>? warnings = null)
        where T : new() =>
        (T)Bind(root, sectionPath, typeof(T), warnings);

    /// <summary>As <see cref="Bind{T}"/> for a type known at run time (`config check` walks the registered sections).</summary>
    public static object Bind(IConfigurationRoot root, string sectionPath, Type optionsType, ICollection<ConfigurationDiagnostic>? warnings = null)
    {
        var diagnostics = ConfigurationValidator.Validate(root, sectionPath, optionsType);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        foreach (var warning in diagnostics.Where(d => !d.IsError)) warnings?.Add(warning);

        var key = ConfigurationKeys.FromDotted(sectionPath);
        IConfiguration section = key.Length == 0 ? root : root.GetSection(key);
        var options = Activator.CreateInstance(optionsType)
            ?? throw new InvalidOperationException($"{optionsType.Name} has no parameterless constructor");
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            if (errors.Count > 0) throw new ConfigurationException(errors);
            // The validator should have caught it; keep the binder's own words rather than lose the failure.
            throw new ConfigurationException([new ConfigurationDiagnostic(ConfigurationDiagnosticSeverity.Error, sectionPath, null, ex.Message)], ex);
        }

        // Values out of range still bind, so the combinations are checked too and every problem is listed at once;
        // a key the walk already reported (with its origin and the value as written) is not repeated.
        var reported = errors.Select(e => ConfigurationKeys.FromDotted(e.Key)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (relativeKey, problem) in SettingRules.Problems(options))
        {
            var diagnostic = ConfigurationValidator.DiagnoseSetting(root, sectionPath, relativeKey, problem);
            if (!reported.Contains(ConfigurationKeys.FromDotted(diagnostic.Key))) errors.Add(diagnostic);
        }
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return options;
    }
}
