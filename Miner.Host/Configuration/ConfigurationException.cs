namespace Miner.Host.Configuration;

/// <summary>The configuration could not be loaded or bound; every problem is listed, located.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationDiagnostic> diagnostics, Exception? inner = null)
        : base(string.Join(Environment.NewLine, diagnostics), inner)
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<ConfigurationDiagnostic> Diagnostics { get; }
}
