namespace Miner.Actors.Generation;

/// <summary>
/// A backend service the miner starts itself on one card: the command line, where and with what environment it
/// runs (<c>CUDA_VISIBLE_DEVICES</c> is set to the card by the actor), the health URL that says it is ready, and how
/// hard to try to keep it alive.
/// </summary>
public sealed record BackendProcessOptions
{
    public required string Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Added to the miner's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Answers 2xx once the service is ready (usually <c>http://127.0.0.1:PORT/health</c>).</summary>
    public required Uri HealthUrl { get; init; }

    /// <summary>Model loading included: not healthy within this after launch means a restart.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive failed checks of a running service that count as a hang.</summary>
    public int HealthFailuresBeforeRestart { get; init; } = 3;

    public TimeSpan RestartBackoffMin { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>More restarts than this within <see cref="RestartWindow"/> and the actor gives up and reports the card unhealthy.</summary>
    public int RestartBudget { get; init; } = 5;

    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Time between SIGTERM and SIGKILL when stopping the service.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest output line written to the log; the rest is cut.</summary>
    public int MaxLogLineChars { get; init; } = 2000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Command)) throw new ArgumentException("a worker process needs a command", nameof(Command));
        ArgumentNullException.ThrowIfNull(HealthUrl);
        if (!HealthUrl.IsAbsoluteUri || (HealthUrl.Scheme != Uri.UriSchemeHttp && HealthUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"health URL {HealthUrl} must be an absolute http(s) URL", nameof(HealthUrl));
        Positive(StartTimeout, nameof(StartTimeout));
        Positive(HealthInterval, nameof(HealthInterval));
        Positive(HealthTimeout, nameof(HealthTimeout));
        Positive(RestartBackoffMin, nameof(RestartBackoffMin));
        Positive(RestartWindow, nameof(RestartWindow));
        if (RestartBackoffMax < RestartBackoffMin) throw new ArgumentOutOfRangeException(nameof(RestartBackoffMax), RestartBackoffMax, "must be at least the minimum backoff");
        if (StopGracePeriod < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(StopGracePeriod), StopGracePeriod, "must not be negative");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HealthFailuresBeforeRestart);
        ArgumentOutOfRangeException.ThrowIfNegative(RestartBudget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxLogLineChars);
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "must be positive");
    }
}
