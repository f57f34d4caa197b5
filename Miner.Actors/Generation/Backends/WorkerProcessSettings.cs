using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Generation;

/// <summary>
/// How a card starts a backend service itself (HOCON <c>gpus[n].&lt;stage&gt;.process</c>); turned into the
/// <see cref="BackendProcessOptions"/> a <see cref="BackendProcessActor"/> runs with.
/// </summary>
public sealed class WorkerProcessSettings
{
    /// <summary>The executable and its arguments, e.g. <c>["python", "serve.py", "--port", "8094"]</c>.</summary>
    public List<string> Command { get; set; } = [];

    public string WorkingDirectory { get; set; } = "";

    /// <summary><c>NAME=value</c> entries added to the miner's environment (a list: HOCON keys would lose their underscores).</summary>
    public List<string> Environment { get; set; } = [];

    /// <summary>Answers 2xx once the service is ready; empty means the service's URL + <c>/health</c>.</summary>
    public string HealthUrl { get; set; } = "";

    [Positive(Max = "1d")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Positive(Max = "1h")]
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Positive(Max = "10m")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Between(1, 1000)]
    public int HealthFailuresBeforeRestart { get; set; } = 3;

    [Positive(Max = "1h")]
    public TimeSpan RestartBackoffMin { get; set; } = TimeSpan.FromSeconds(2);

    [Positive(Max = "1d")]
    public TimeSpan RestartBackoffMax { get; set; } = TimeSpan.FromMinutes(2);

    [NotNegative(Max = "1000")]
    public int RestartBudget { get; set; } = 5;

    [Positive(Max = "7d")]
    public TimeSpan RestartWindow { get; set; } = TimeSpan.FromMinutes(30);

    [NotNegative(Max = "10m")]
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<(string Key, string Problem)> Problems(bool serviceHasUrl)
    {
        if (Command.Count == 0 || string.IsNullOrWhiteSpace(Command[0])) yield return ("command", "missing: the executable and its arguments, e.g. [\"python\", \"serve.py\"]");
        if (string.IsNullOrWhiteSpace(HealthUrl) && !serviceHasUrl) yield return ("health-url", "missing: the service has no url to derive it from");
        if (!string.IsNullOrWhiteSpace(HealthUrl) && !BackendServiceOptions.IsHttpUrl(HealthUrl)) yield return ("health-url", $"'{HealthUrl}' is not an absolute http(s) URL");
        for (var i = 0; i < Environment.Count; i++)
            if (ParseVariable(Environment[i]) is null) yield return ($"environment.{i}", $"'{Environment[i]}' is not NAME=value");
        if (RestartBackoffMax < RestartBackoffMin) yield return ("restart-backoff-max", "must be at least restart-backoff-min");
    }

    /// <summary>The options for <see cref="BackendProcessActor"/>; <paramref name="serviceUrl"/> gives the default health URL.</summary>
    public BackendProcessOptions ToProcessOptions(string serviceUrl)
    {
        var health = string.IsNullOrWhiteSpace(HealthUrl) ? serviceUrl.TrimEnd('/') + "/health" : HealthUrl;
        return new BackendProcessOptions
        {
            Command = Command[0],
            Arguments = [.. Command.Skip(1)],
            WorkingDirectory = string.IsNullOrWhiteSpace(WorkingDirectory) ? null : WorkingDirectory,
            Environment = Environment.Select(ParseVariable).OfType<KeyValuePair<string, string>>().ToDictionary(kv => kv.Key, kv => kv.Value),
            HealthUrl = new Uri(health),
            StartTimeout = StartTimeout,
            HealthInterval = HealthInterval,
            HealthTimeout = HealthTimeout,
            HealthFailuresBeforeRestart = HealthFailuresBeforeRestart,
            RestartBackoffMin = RestartBackoffMin,
            RestartBackoffMax = RestartBackoffMax,
            RestartBudget = RestartBudget,
            RestartWindow = RestartWindow,
            StopGracePeriod = StopGracePeriod,
        };
    }

    private static KeyValuePair<string, string>? ParseVariable(string entry)
    {
        var equals = entry.IndexOf('=');
        if (equals <= 0) return null;
        var name = entry[..equals];
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? new KeyValuePair<string, string>(name, entry[(equals + 1)..])
            : null;
    }
}
