namespace Miner.Host.Configuration;

/// <summary>
/// One problem with the configuration, located: <c>hocon/miner.conf:12: error: validators.min-stake: ...</c>.
/// </summary>
/// <param name="Key">Dotted key path as written (kebab-case); empty for a whole-file problem.</param>
/// <param name="Location">file:line(:column), <c>env NAME</c> or <c>flag --name</c>; null when unknown.</param>
public sealed record ConfigurationDiagnostic(ConfigurationDiagnosticSeverity Severity, string Key, string? Location, string Message)
{
    public bool IsError => Severity == ConfigurationDiagnosticSeverity.Error;

    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        var key = Key.Length > 0 ? $"{Key}: " : "";
        return Location is null ? $"{severity}: {key}{Message}" : $"{Location}: {severity}: {key}{Message}";
    }
}
