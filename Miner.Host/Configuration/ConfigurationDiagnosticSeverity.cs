namespace Miner.Host.Configuration;

public enum ConfigurationDiagnosticSeverity
{
    Warning,
    Error,
}
