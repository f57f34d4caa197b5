using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>Binds an options section after validating it, so failures name keys as written and their origin.</summary>
public static class ConfigurationBinding
{
    /// <summary>
    /// Binds <paramref name="sectionPath"/> (dotted, e.g. <c>validators</c>; empty for the root) to a new
    /// <typeparamref name="T"/>. Throws <see cref="ConfigurationException"/> listing every error; warnings (unknown
    /// environment keys) go to <paramref name="warnings"/> when given.
    /// </summary>
    public static T Bind<T>(IConfigurationRoot root, string sectionPath, ICollection<ConfigurationDiagnostic>? warnings = null)
        where T : new()
    {
        var diagnostics = ConfigurationValidator.Validate(root, sectionPath, typeof(T));
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0) throw new ConfigurationException(errors);
        foreach (var warning in diagnostics.Where(d => !d.IsError)) warnings?.Add(warning);

        var key = ConfigurationKeys.FromDotted(sectionPath);
        IConfiguration section = key.Length == 0 ? root : root.GetSection(key);
        var options = new T();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The validator should have caught it; keep the binder's own words rather than lose the failure.
            throw new ConfigurationException([new ConfigurationDiagnostic(ConfigurationDiagnosticSeverity.Error, sectionPath, null, ex.Message)], ex);
        }
        return options;
    }
}
